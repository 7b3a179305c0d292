using System.Data.Common;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>One column of summary.csv and of history.db's <c>runs</c> table: its name, type, and how a
/// <see cref="SummaryRow"/> property is written and read in both (BenchmarkDotNet's IColumn, for our rows).</summary>
public abstract class SummaryColumn
{
    /// <summary>A column named <paramref name="name"/>.</summary>
    private protected SummaryColumn(string name, bool optional)
    {
        Name = name;
        Optional = optional;
    }

    /// <summary>The CSV header and SQLite column name.</summary>
    public string Name { get; }

    /// <summary>Added after summary.csv files were first written: a file without it reads as the blank row's value.</summary>
    public bool Optional { get; }

    /// <summary>The SQLite column type.</summary>
    public abstract string SqlType { get; }

    /// <summary>The CSV field of <paramref name="row"/>.</summary>
    public abstract string? Format(SummaryRow row);

    /// <summary><paramref name="row"/> with this column read from field <paramref name="column"/> of the current record.</summary>
    /// <exception cref="RunFileException">The field does not hold a value of this column's type.</exception>
    internal abstract SummaryRow Read(SummaryRow row, CsvTableReader csv, int column);

    /// <summary><paramref name="row"/> with this column read from <paramref name="text"/>, spelt as in a CSV field.</summary>
    /// <exception cref="InvalidDataException">The text is not a value of this column's type.</exception>
    internal abstract SummaryRow Parse(SummaryRow row, string text);

    /// <summary>The value to bind for <paramref name="row"/>.</summary>
    public abstract object? ToSql(SummaryRow row);

    /// <summary><paramref name="row"/> with this column read from cell <paramref name="column"/> of the current history row (SQLite or PostgreSQL).</summary>
    /// <exception cref="InvalidDataException">The cell does not hold a value of this column's type.</exception>
    internal abstract SummaryRow Read(SummaryRow row, DbDataReader reader, int column);
}
