using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>One column of a CSV file of <typeparamref name="TRow"/> rows: its header name and how a row's value is
/// written and read back (summary.csv has its own richer <see cref="SummaryColumn"/>, which history.db shares).</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class CsvColumn<TRow>
{
    private readonly Func<TRow, string?> _format;
    private readonly Func<TRow, CsvTableReader, int, TRow> _read;

    private CsvColumn(string name, bool optional, Func<TRow, string?> format, Func<TRow, CsvTableReader, int, TRow> read)
    {
        Name = name;
        Optional = optional;
        _format = format;
        _read = read;
    }

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>Added after files were first written: a file without it reads as the blank row's value.</summary>
    public bool Optional { get; }

    /// <summary>The CSV field of <paramref name="row"/>; null is an empty field.</summary>
    public string? Format(TRow row) => _format(row);

    /// <summary><paramref name="row"/> with this column read from field <paramref name="field"/> of the current record.</summary>
    /// <exception cref="RunFileException">The field does not hold a value of this column's type.</exception>
    internal TRow Read(TRow row, CsvTableReader csv, int field) => _read(row, csv, field);

    /// <summary>Column <paramref name="name"/> of <paramref name="type"/>, reading the row with <paramref name="get"/>
    /// and giving a row with the value with <paramref name="set"/>.</summary>
    internal static CsvColumn<TRow> Of<T>(string name, ColumnType<T> type, Func<TRow, T> get, Func<TRow, T, TRow> set, bool optional = false) =>
        new(
            name,
            optional,
            row => type.Format(get(row)),
            (row, csv, field) =>
            {
                string text = csv.Text(field);
                return type.Parse(text, out T value) ? set(row, value) : throw csv.FieldError(field, text, type.Expected);
            });
}
