using System.Data.Common;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>A summary column of values of type <typeparamref name="T"/>.</summary>
internal sealed class TypedSummaryColumn<T> : SummaryColumn
{
    private readonly ColumnType<T> _type;
    private readonly Func<SummaryRow, T> _get;
    private readonly Func<SummaryRow, T, SummaryRow> _set;

    /// <summary>Column <paramref name="name"/> of <paramref name="type"/>, reading the row with <paramref name="get"/> and
    /// giving a row with the value with <paramref name="set"/>.</summary>
    public TypedSummaryColumn(string name, ColumnType<T> type, Func<SummaryRow, T> get, Func<SummaryRow, T, SummaryRow> set, bool optional)
        : base(name, optional)
    {
        _type = type;
        _get = get;
        _set = set;
    }

    /// <inheritdoc/>
    public override string SqlType => _type.SqlType;

    /// <inheritdoc/>
    public override string? Format(SummaryRow row) => _type.Format(_get(row));

    /// <inheritdoc/>
    internal override SummaryRow Read(SummaryRow row, CsvTableReader csv, int column)
    {
        string text = csv.Text(column);
        return _type.Parse(text, out T value) ? _set(row, value) : throw csv.FieldError(column, text, _type.Expected);
    }

    /// <inheritdoc/>
    internal override SummaryRow Parse(SummaryRow row, string text) =>
        _type.Parse(text, out T value) ? _set(row, value) : throw new InvalidDataException($"column {Name}: expected {_type.Expected} but found '{text}'");

    /// <inheritdoc/>
    public override object? ToSql(SummaryRow row) => _type.ToSql(_get(row));

    /// <inheritdoc/>
    internal override SummaryRow Read(SummaryRow row, DbDataReader reader, int column) => _set(row, _type.FromSql(reader, column));
}
