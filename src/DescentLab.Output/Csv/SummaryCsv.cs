using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.Csv;

/// <summary>summary.csv: one row per run.</summary>
/// <remarks>Columns: <see cref="LeadingColumns"/>, one column per parameter name, then <see cref="TrailingColumns"/>, each
/// defined once in <see cref="SummaryColumns"/>.
/// Parameter columns come in order of first appearance over the rows; a name first seen in a later row is placed before the
/// next name of that row already placed, so every row keeps its model's order (w, b then w1, w2, b gives w, w1, w2, b).
/// A row's model lacks the parameters whose cells are empty. Reading gives back equal rows, bit for bit.</remarks>
public static class SummaryCsv
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "summary.csv";

    /// <summary>The columns before the parameter columns, in order.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } = [.. SummaryColumns.Leading.Select(c => c.Name)];

    /// <summary>The columns after the parameter columns, in order.</summary>
    public static IReadOnlyList<string> TrailingColumns { get; } = [.. SummaryColumns.Trailing.Select(c => c.Name)];

    /// <summary>Writes <paramref name="rows"/> with a header.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<SummaryRow> rows)
    {
        var parameters = MergeParameterNames(rows);
        using var csv = new CsvTableWriter(writer);
        csv.Header([.. LeadingColumns, .. parameters, .. TrailingColumns]);
        var cells = new double?[parameters.Count];
        foreach (var row in rows)
        {
            WriteColumns(csv, SummaryColumns.Leading, row);
            Array.Clear(cells);
            foreach (var (name, value) in row.FinalParameters)
            {
                cells[parameters.IndexOf(name)] = value;
            }

            foreach (double? cell in cells)
            {
                csv.Field(cell);
            }

            WriteColumns(csv, SummaryColumns.Trailing, row);
            csv.EndRecord();
        }
    }

    /// <summary>Reads a summary.csv written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<SummaryRow> Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        var leading = MatchLeading(csv, out int first);
        int last = csv.Header.Count - TrailingColumns.Count;
        if (last < first)
        {
            throw new RunFileException(path, 1, $"expected the columns {string.Join(',', TrailingColumns)} after the parameter columns");
        }

        csv.ExpectColumns(TrailingColumns, last);
        var parameters = ReadParameterColumns(csv, first, last);
        var rows = new List<SummaryRow>();
        var runIds = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = ReadRow(csv, leading, parameters, first, last);
            if (!runIds.Add(row.RunId))
            {
                throw csv.Error($"run_id '{row.RunId}' appears twice");
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The parameter column names for <paramref name="rows"/> (see remarks on <see cref="SummaryCsv"/>).</summary>
    public static IReadOnlyList<string> ParameterColumns(IReadOnlyList<SummaryRow> rows) => MergeParameterNames(rows);

    private static List<string> MergeParameterNames(IReadOnlyList<SummaryRow> rows)
    {
        var names = new List<string>();
        foreach (var row in rows)
        {
            var parameters = row.FinalParameters;
            for (int i = 0; i < parameters.Count; i++)
            {
                if (names.Contains(parameters[i].Key))
                {
                    continue;
                }

                int insertAt = names.Count;
                for (int j = i + 1; j < parameters.Count; j++)
                {
                    int known = names.IndexOf(parameters[j].Key);
                    if (known >= 0)
                    {
                        insertAt = known;
                        break;
                    }
                }

                names.Insert(insertAt, parameters[i].Key);
            }
        }

        return names;
    }

    private static void WriteColumns(CsvTableWriter csv, IReadOnlyList<SummaryColumn> columns, SummaryRow row)
    {
        foreach (var column in columns)
        {
            csv.Field(column.Format(row));
        }
    }

    /// <summary>The field of each leading column, or -1 for an optional column the file lacks (it was written before the
    /// column existed); <paramref name="first"/> receives the first field after them.</summary>
    private static int[] MatchLeading(CsvTableReader csv, out int first)
    {
        var header = csv.Header;
        if (header.Count == 0)
        {
            csv.ExpectColumns(LeadingColumns);
        }

        var fields = new int[SummaryColumns.Leading.Count];
        int field = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            var column = SummaryColumns.Leading[i];
            if (field < header.Count && header[field] == column.Name)
            {
                fields[i] = field++;
            }
            else if (column.Optional)
            {
                fields[i] = -1;
            }
            else
            {
                string found = field < header.Count ? $"'{header[field]}'" : "the end of the header";
                throw new RunFileException(csv.Path, 1, $"expected column '{column.Name}' at position {field + 1} but found {found}");
            }
        }

        first = field;
        return fields;
    }

    // Leading columns sit at the fields matched, the parameter columns at first..last-1, the trailing ones from last.
    private static SummaryRow ReadRow(CsvTableReader csv, int[] leading, IReadOnlyList<string> parameterNames, int first, int last)
    {
        var row = SummaryColumns.Blank;
        for (int i = 0; i < leading.Length; i++)
        {
            if (leading[i] >= 0)
            {
                row = SummaryColumns.Leading[i].Read(row, csv, leading[i]);
            }
        }

        for (int i = 0; i < SummaryColumns.Trailing.Count; i++)
        {
            row = SummaryColumns.Trailing[i].Read(row, csv, last + i);
        }

        var parameters = new List<KeyValuePair<string, double>>();
        for (int column = first; column < last; column++)
        {
            if (csv.NullableDouble(column) is { } value)
            {
                parameters.Add(new(parameterNames[column - first], value));
            }
        }

        return row with { FinalParameters = parameters };
    }

    private static List<string> ReadParameterColumns(CsvTableReader csv, int first, int last)
    {
        var names = new List<string>();
        for (int column = first; column < last; column++)
        {
            string name = csv.Header[column];
            if (name.Length == 0 || names.Contains(name) || LeadingColumns.Contains(name) || TrailingColumns.Contains(name))
            {
                throw new RunFileException(csv.Path, 1, $"column {column + 1}: '{name}' is not a valid parameter column (empty or repeated)");
            }

            names.Add(name);
        }

        return names;
    }
}
