using System.Data;
using System.Data.Common;
using System.Globalization;

namespace DescentLab.Output.History;

/// <summary>What differs between the databases history can live in: connecting, the rendering of the schema's type
/// tokens, where the schema version lives, how a database is recognised as ours, and how writers are serialised. Every
/// query and migration is shared.</summary>
internal abstract class HistoryDialect
{
    /// <summary>The dialect of <paramref name="location"/>.</summary>
    public static HistoryDialect For(HistoryLocation location) =>
        location.IsPostgres ? new PostgresHistoryDialect() : new SqliteHistoryDialect();

    /// <summary>The column (or pseudo-column) that orders a run set's runs as they were inserted.</summary>
    public abstract string RowOrder { get; }

    /// <summary>Opens a connection to <paramref name="location"/>, creating what must exist first (a SQLite file's folder).</summary>
    public abstract DbConnection Open(HistoryLocation location);

    /// <summary>A read-only snapshot transaction.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>A write transaction that holds the one writer lock until it ends, so concurrent writers (processes and
    /// machines) queue instead of interleaving.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Called once the database is known to be ours, before migrating (SQLite switches to WAL).</summary>
    public virtual void Ready(DbConnection connection)
    {
    }

    /// <summary>The schema version of the database, and why it is not a DescentLab history database (null when it is one,
    /// or is empty).</summary>
    public abstract (long Version, string? Foreign) ReadState(DbConnection connection, DbTransaction? transaction);

    /// <summary>The INSERT <paramref name="sql"/> prepared for many rows in <paramref name="transaction"/>.</summary>
    public virtual RowInsert PrepareInsert(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<RowInsert.Parameter> parameters) =>
        new RowInsert.Command(connection, transaction, sql, parameters);

    /// <summary>SQL that records <paramref name="version"/> as the schema version, run at the end of a migration.</summary>
    public abstract string SetVersion(int version);

    /// <summary>The migration <paramref name="sql"/> with the type tokens rendered.</summary>
    public string Render(string sql) => sql
        .Replace("{id}", IdType, StringComparison.Ordinal)
        .Replace("{integer}", IntegerType, StringComparison.Ordinal)
        .Replace("{real}", RealType, StringComparison.Ordinal)
        .Replace("{row_order}", RowOrderColumn, StringComparison.Ordinal);

    /// <summary>The type of the run set key (an auto-incremented 64-bit primary key).</summary>
    protected abstract string IdType { get; }

    /// <summary>A 64-bit integer.</summary>
    protected abstract string IntegerType { get; }

    /// <summary>A double.</summary>
    protected abstract string RealType { get; }

    /// <summary>The definition of <see cref="RowOrder"/> followed by a comma, or empty when the database has it built in.</summary>
    protected abstract string RowOrderColumn { get; }

    /// <summary>A command on <paramref name="connection"/>.</summary>
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds parameter <c>@name</c>, typed so that a null is typed too.</summary>
    public static DbParameter Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The first column of the first row as a 64-bit integer.</summary>
    public static long Scalar(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="sql"/>.</summary>
    public static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = Command(connection, sql, transaction);
        command.ExecuteNonQuery();
    }
}
