using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>Writes and reads a CSV file through its one list of <see cref="CsvColumn{TRow}"/>: the header is the list's
/// names, and reading finds each column by its header name.</summary>
internal static class CsvColumnTable
{
    /// <summary>Writes a header and one record per row.</summary>
    public static void Write<TRow>(TextWriter writer, IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header([.. columns.Select(c => c.Name)]);
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                csv.Field(column.Format(row));
            }

            csv.EndRecord();
        }
    }

    /// <summary>Reads the rows of <paramref name="path"/>, each column by its header name, starting from
    /// <paramref name="blank"/>; a header without a required column, or with a name no column has, is refused.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static List<TRow> Read<TRow>(string path, IReadOnlyList<CsvColumn<TRow>> columns, TRow blank)
    {
        using var csv = CsvTableReader.Open(path);
        var header = csv.Header;
        string expected = string.Join(',', columns.Select(c => c.Name));
        if (header.FirstOrDefault(name => !columns.Any(c => c.Name == name)) is { } unknown)
        {
            throw new RunFileException(path, 1, $"unknown column '{unknown}' (expected the columns {expected})");
        }

        var fields = new int[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            fields[i] = IndexOf(header, columns[i].Name);
            if (fields[i] < 0 && !columns[i].Optional)
            {
                throw new RunFileException(path, 1, $"missing column '{columns[i].Name}' (expected the columns {expected})");
            }
        }

        var rows = new List<TRow>();
        while (csv.Read())
        {
            var row = blank;
            for (int i = 0; i < columns.Count; i++)
            {
                if (fields[i] >= 0)
                {
                    row = columns[i].Read(row, csv, fields[i]);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (header[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
