using System.Globalization;
using CsvHelper;
using DescentLab.Core.Datasets;
using DescentLab.Experiments.Inputs;

namespace DescentLab.Experiments.Datasets;

/// <summary>Reads a user's dataset CSV (header <c>x,y</c> or <c>x1,x2,y</c>, invariant-culture numbers).</summary>
/// <remarks>Every problem throws <see cref="DatasetFileException"/> with the file and line; nothing is half-loaded.</remarks>
public static class DatasetFileReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Loads the dataset at <paramref name="path"/>, named in errors and in its identity as <paramref name="source"/>.</summary>
    /// <param name="path">Where to read the file.</param>
    /// <param name="source">The path as the config writes it; the dataset's name is its file name without extension.</param>
    public static Dataset Read(string path, string source)
    {
        var columns = new Columns();
        var shape = Scan(path, source, columns);
        return Dataset.Create(
            Path.GetFileNameWithoutExtension(source),
            null,
            null,
            source,
            [.. columns.X1],
            shape.Dimension == 2 ? [.. columns.X2] : null,
            [.. columns.Y]);
    }

    /// <summary>Checks every row of the file and returns its dimension and row count, keeping no values.</summary>
    /// <param name="path">Where to read the file.</param>
    /// <param name="source">The path as the config writes it, for errors.</param>
    public static DatasetFileShape Probe(string path, string source) => Scan(path, source, null);

    private static DatasetFileShape Scan(string path, string source, Columns? columns)
    {
        try
        {
            using var reader = CsvReader.Create(InputFile.OpenRead(path, InputFile.MaxDatasetBytes), Options);
            reader.ReadHeader();
            int headerLine = (int)reader.LineNumber;
            var header = DatasetFileHeader.Parse(reader.Headers, source, headerLine);
            long rows = 0;
            while (reader.Read())
            {
                int line = (int)reader.LineNumber;
                if (reader.FieldCount != header.Width)
                {
                    throw new DatasetFileException(source, line, $"expected {header.Width} fields like the header, got {reader.FieldCount}");
                }

                double x1 = Field(reader, header.X1, header.Dimension == 1 ? "x" : "x1", source, line);
                double? x2 = header.Dimension == 2 ? Field(reader, header.X2, "x2", source, line) : null;
                double y = Field(reader, header.Y, "y", source, line);
                columns?.Add(x1, x2, y);
                rows++;
            }

            return rows > 0 ? new DatasetFileShape(header.Dimension, rows) : throw new DatasetFileException(source, headerLine, "no data rows after the header");
        }
        catch (CsvFormatException ex)
        {
            throw new DatasetFileException(source, (int)ex.LineNumber, ex.Message, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetFileException(source, 0, $"file not found ({path})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFileException(source, 0, $"cannot read the file: {ex.Message}", ex);
        }
    }

    private static double Field(CsvReader reader, int index, string column, string source, int line)
    {
        var text = reader.GetSpan(index);
        // .NET's parser ignores trailing NUL characters; a NUL is never part of a number.
        bool clean = !text.Contains((byte)0);
        if (clean && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        string got = text.IsEmpty ? "an empty field" : $"'{TextExcerpt.Of(text)}'";
        string expected = clean && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "a finite number" : "a number";
        throw new DatasetFileException(source, line, $"column '{column}': expected {expected}, got {got}");
    }

    /// <summary>Growing columns for <see cref="Read"/>.</summary>
    private sealed class Columns
    {
        public List<double> X1 { get; } = [];

        public List<double> X2 { get; } = [];

        public List<double> Y { get; } = [];

        public void Add(double x1, double? x2, double y)
        {
            X1.Add(x1);
            if (x2 is { } value)
            {
                X2.Add(value);
            }

            Y.Add(y);
        }
    }
}
