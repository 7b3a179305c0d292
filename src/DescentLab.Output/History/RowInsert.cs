using System.Data;
using System.Data.Common;

namespace DescentLab.Output.History;

/// <summary>One INSERT statement prepared once and run for many rows in a write transaction: a run set's runs (20,000 for
/// a big sweep) and its trend points. Values are bound in the order of the statement's parameters: a long, double,
/// string or null each (what the column types' <c>ToSql</c> give), stored as ADO.NET stores them.</summary>
internal abstract class RowInsert : IDisposable
{
    /// <summary>The statement's parameters by name (<c>@x</c>) and type, in the order values come.</summary>
    public sealed record Parameter(string Name, DbType Type);

    /// <summary>Inserts one row of <paramref name="values"/>, one per parameter.</summary>
    public abstract void Insert(ReadOnlySpan<object?> values);

    /// <inheritdoc/>
    public abstract void Dispose();

    /// <summary>The insert through a prepared ADO.NET command (any database).</summary>
    public sealed class Command : RowInsert
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _values;

        /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/> in <paramref name="transaction"/>.</summary>
        public Command(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<Parameter> parameters)
        {
            _command = HistoryDialect.Command(connection, sql, transaction);
            _values = [.. parameters.Select(p => HistoryDialect.Add(_command, p.Name, p.Type, null))];
            _command.Prepare();
        }

        /// <inheritdoc/>
        public override void Insert(ReadOnlySpan<object?> values)
        {
            for (int i = 0; i < _values.Length; i++)
            {
                _values[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        /// <inheritdoc/>
        public override void Dispose() => _command.Dispose();
    }
}
