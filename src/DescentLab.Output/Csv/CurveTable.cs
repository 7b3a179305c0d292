using System.Buffers;
using System.Globalization;
using System.Text;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.Csv;

/// <summary>curves.csv: every run's curve in one long table, one row per epoch (or step), the rows of a run together
/// and the runs in plan order; its columns are <see cref="CurveColumns"/>.</summary>
/// <remarks>Numbers are written as in every data file (invariant, round trip: <see cref="CsvTableWriter.Format"/>), so
/// a run's rows without run_id and its empty cells are, byte for byte, the per-run file older folders held. Run ids
/// ([A-Za-z0-9._-]), parameter names and numbers never need quoting, so a row is its cells joined by commas.</remarks>
public sealed class CurveTable
{
    /// <summary>The file in a run folder.</summary>
    public const string FileName = "curves.csv";

    private const NumberStyles DoubleStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly int First = CurveColumns.Leading.Count;
    private readonly Dictionary<string, int> _parameterColumn;

    private CurveTable(IReadOnlyList<string> header)
    {
        Header = header;
        _parameterColumn = [];
        for (int column = First; column < header.Count; column++)
        {
            _parameterColumn[header[column]] = column;
        }
    }

    /// <summary>The table for runs of <paramref name="problems"/> (their models' parameter names).</summary>
    public static CurveTable For(IEnumerable<ProblemInfo> problems) =>
        new(CurveColumns.Header(problems.Select(p => (IReadOnlyList<string>)[.. p.OptimumParameters.Select(kv => kv.Key)])));

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The header line, with its line end.</summary>
    public string HeaderLine => string.Join(',', Header) + "\n";

    /// <summary>The rows of <paramref name="runId"/>'s <paramref name="curve"/>, each with its line end.</summary>
    /// <exception cref="ArgumentException">The curve has a parameter the table has no column for.</exception>
    public string Rows(string runId, Curve curve)
    {
        var text = new ArrayBufferWriter<byte>();
        WriteRows(runId, curve, text);
        return Encoding.UTF8.GetString(text.WrittenSpan);
    }

    /// <summary><see cref="Rows"/> as the UTF-8 bytes curves.csv holds, appended to <paramref name="text"/>.</summary>
    /// <remarks>Numbers are formatted straight into the buffer (no string per cell): a big sweep writes millions.</remarks>
    /// <exception cref="ArgumentException">The curve has a parameter the table has no column for.</exception>
    public void WriteRows(string runId, Curve curve, IBufferWriter<byte> text)
    {
        // The parameter each parameter cell holds, or -1 for an empty cell.
        var parameterOf = new int[Header.Count - First];
        Array.Fill(parameterOf, -1);
        for (int j = 0; j < curve.ParameterNames.Count; j++)
        {
            parameterOf[(_parameterColumn.TryGetValue(curve.ParameterNames[j], out int column)
                ? column
                : throw new ArgumentException($"Run {runId} has the parameter '{curve.ParameterNames[j]}', which {FileName} has no column for.", nameof(curve))) - First] = j;
        }

        for (int row = 0; row < curve.Count; row++)
        {
            Ascii(text, runId);
            Integer(text, curve.Epoch[row]);
            Integer(text, curve.Step[row]);
            Number(text, curve.Loss[row]);
            Number(text, curve.Gap[row]);
            Number(text, curve.GradNorm[row]);
            if (curve.Accuracy is { } accuracy)
            {
                Number(text, accuracy[row]);
            }
            else
            {
                Ascii(text, ",");
            }

            var parameters = curve.ParametersAt(row);
            foreach (int parameter in parameterOf)
            {
                if (parameter >= 0)
                {
                    Number(text, parameters[parameter]);
                }
                else
                {
                    Ascii(text, ",");
                }
            }

            Ascii(text, "\n");
        }
    }

    private static void Ascii(IBufferWriter<byte> text, string ascii)
    {
        var span = text.GetSpan(ascii.Length);
        text.Advance(Encoding.ASCII.GetBytes(ascii, span));
    }

    // A cell after the first: its comma, then its text.
    private static void Integer(IBufferWriter<byte> text, long value)
    {
        var span = text.GetSpan(21);
        span[0] = (byte)',';
        value.TryFormat(span[1..], out int written, default, CultureInfo.InvariantCulture);
        text.Advance(written + 1);
    }

    private static void Number(IBufferWriter<byte> text, double value)
    {
        var span = text.GetSpan(CsvTableWriter.MaxFormattedLength + 1);
        span[0] = (byte)',';
        text.Advance(CsvTableWriter.Format(value, span[1..]) + 1);
    }

    /// <summary>The table whose header line is <paramref name="line"/> (line 1 of <paramref name="path"/>).</summary>
    /// <exception cref="RunFileException">The header is not that of curves.csv.</exception>
    public static CurveTable ParseHeader(string? line, string path)
    {
        if (string.IsNullOrEmpty(line))
        {
            throw new RunFileException(path, 1, $"the file is empty; expected a header starting {string.Join(',', CurveColumns.Leading)}");
        }

        string[] header = line.Split(',');
        for (int i = 0; i < First; i++)
        {
            if (i >= header.Length || header[i] != CurveColumns.Leading[i])
            {
                string found = i < header.Length ? $"'{header[i]}'" : "the end of the header";
                throw new RunFileException(path, 1, $"expected column '{CurveColumns.Leading[i]}' at position {i + 1} but found {found}");
            }
        }

        for (int column = First; column < header.Length; column++)
        {
            string name = header[column];
            if (name.Length == 0 || Array.IndexOf(header, name) != column)
            {
                throw new RunFileException(path, 1, $"column {column + 1}: '{name}' is not a valid parameter column (empty or repeated)");
            }
        }

        return new CurveTable(header);
    }

    /// <summary>The curve of one run from its rows as curves.csv holds them (UTF-8, each ending with a line end, the last
    /// one's optional), the first being line <paramref name="firstLine"/> of <paramref name="path"/>: its parameters are
    /// the parameter cells filled in its first row, in column order.</summary>
    /// <remarks>Cells are parsed where they are in the bytes, with no string per row or cell: a report reads every
    /// curve of its run set back, a big sweep's millions of numbers.</remarks>
    /// <exception cref="RunFileException">A row is malformed, of another run, or fills other cells than the first.</exception>
    public Curve Parse(ReadOnlySpan<byte> rows, string path, long firstLine)
    {
        int count = rows.Count((byte)'\n') + (rows.IsEmpty || rows[^1] == (byte)'\n' ? 0 : 1);
        var epoch = new int[count];
        var step = new long[count];
        var loss = new double[count];
        var gap = new double[count];
        var gradNorm = new double[count];
        double[]? accuracy = null;
        var filled = new List<int>();
        double[] parameters = [];
        var firstId = ReadOnlySpan<byte>.Empty;

        Span<Range> cells = Header.Count <= 64 ? stackalloc Range[Header.Count] : new Range[Header.Count];
        var rest = rows;
        for (int row = 0; row < count; row++)
        {
            long line = firstLine + row;
            int end = rest.IndexOf((byte)'\n');
            var text = end >= 0 ? rest[..end] : rest;
            rest = end >= 0 ? rest[(end + 1)..] : [];
            text = text.EndsWith((byte)'\r') ? text[..^1] : text;
            int found = Split(text, cells);
            if (found != Header.Count)
            {
                throw new RunFileException(path, line, $"expected {Header.Count} fields but found {found}");
            }

            var id = text[cells[0]];
            if (row == 0)
            {
                firstId = id;
            }
            else if (!id.SequenceEqual(firstId))
            {
                throw new RunFileException(path, line, $"a row of run '{Encoding.UTF8.GetString(id)}' among the rows of run '{Encoding.UTF8.GetString(firstId)}'");
            }

            epoch[row] = Integer<int>(text, cells, 1, path, line, int.TryParse);
            step[row] = Integer<long>(text, cells, 2, path, line, long.TryParse);
            loss[row] = Number(text, cells, 3, path, line);
            gap[row] = Number(text, cells, 4, path, line);
            gradNorm[row] = Number(text, cells, 5, path, line);
            if (row == 0)
            {
                accuracy = Width(cells, First - 1) > 0 ? new double[count] : null;
                for (int column = First; column < Header.Count; column++)
                {
                    if (Width(cells, column) > 0)
                    {
                        filled.Add(column);
                    }
                }

                parameters = new double[count * filled.Count];
            }

            for (int column = First - 1, next = 0; column < Header.Count; column++)
            {
                bool isFilled = column == First - 1 ? accuracy is not null : next < filled.Count && filled[next] == column;
                next += column >= First && isFilled ? 1 : 0;
                if ((Width(cells, column) > 0) != isFilled)
                {
                    throw new RunFileException(path, line, $"column {Header[column]}: run '{Encoding.UTF8.GetString(firstId)}' fills other accuracy or parameter cells than in its first row");
                }
            }

            if (accuracy is not null)
            {
                accuracy[row] = Number(text, cells, First - 1, path, line);
            }

            for (int p = 0; p < filled.Count; p++)
            {
                parameters[(row * filled.Count) + p] = Number(text, cells, filled[p], path, line);
            }
        }

        return new Curve([.. filled.Select(c => Header[c])], epoch, step, loss, gap, gradNorm, parameters, accuracy);
    }

    // The cells of a row into ranges; the count of its fields (all of them, when there are more than the ranges hold).
    private static int Split(ReadOnlySpan<byte> text, Span<Range> cells)
    {
        int found = 0;
        int start = 0;
        while (true)
        {
            int comma = text[start..].IndexOf((byte)',');
            int end = comma >= 0 ? start + comma : text.Length;
            if (found < cells.Length)
            {
                cells[found] = new Range(start, end);
            }

            found++;
            if (comma < 0)
            {
                return found;
            }

            start = end + 1;
        }
    }

    private static int Width(ReadOnlySpan<Range> cells, int column) => cells[column].End.Value - cells[column].Start.Value;

    private delegate bool TryParse<T>(ReadOnlySpan<byte> text, NumberStyles style, IFormatProvider provider, out T value);

    private T Integer<T>(ReadOnlySpan<byte> row, ReadOnlySpan<Range> cells, int column, string path, long line, TryParse<T> parse) =>
        parse(row[cells[column]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T value)
            ? value
            : throw new RunFileException(path, line, $"column {Header[column]}: expected an integer but found '{Encoding.UTF8.GetString(row[cells[column]])}'");

    private double Number(ReadOnlySpan<byte> row, ReadOnlySpan<Range> cells, int column, string path, long line) =>
        double.TryParse(row[cells[column]], DoubleStyle, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new RunFileException(path, line, $"column {Header[column]}: expected a number but found '{Encoding.UTF8.GetString(row[cells[column]])}'");
}
