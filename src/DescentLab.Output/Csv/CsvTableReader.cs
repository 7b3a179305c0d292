using System.Globalization;
using CsvHelper;

namespace DescentLab.Output.Csv;

/// <summary>Reads one CSV table strictly: comma separated, a header, the same field count on every line, and typed
/// fields whose errors name the file, the line and the column.</summary>
/// <remarks>Parses what <see cref="CsvTableWriter"/> writes; numbers are invariant whatever the current culture.</remarks>
internal sealed class CsvTableReader : IDisposable
{
    private const NumberStyles DoubleStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        DetectSeparatorHint = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvReader _reader;
    private IReadOnlyList<string>? _header;

    private CsvTableReader(string path, CsvReader reader)
    {
        Path = path;
        _reader = reader;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The header names.</summary>
    public IReadOnlyList<string> Header => _header ??= Guard(() => _reader.Headers);

    /// <summary>1-based line where the current record starts.</summary>
    public long Line => _reader.LineNumber;

    /// <summary>Opens <paramref name="path"/>; a missing file is a <see cref="RunFileException"/>.</summary>
    public static CsvTableReader Open(string path)
    {
        try
        {
            return new CsvTableReader(path, CsvReader.FromFile(path, Options));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException(path, 0, "file not found", ex);
        }
    }

    /// <summary>Checks that the header starts with <paramref name="expected"/>, in that order.</summary>
    /// <returns>The number of columns checked.</returns>
    public int ExpectColumns(IReadOnlyList<string> expected, int start = 0)
    {
        var header = Header;
        if (header.Count == 0)
        {
            throw new RunFileException(Path, 1, $"the file is empty; expected a header starting {string.Join(',', expected)}");
        }

        for (int i = 0; i < expected.Count; i++)
        {
            int column = start + i;
            if (column >= header.Count || header[column] != expected[i])
            {
                string found = column < header.Count ? $"'{header[column]}'" : "the end of the header";
                throw new RunFileException(Path, 1, $"expected column '{expected[i]}' at position {column + 1} but found {found}");
            }
        }

        return expected.Count;
    }

    /// <summary>Moves to the next record; false at the end.</summary>
    public bool Read() => Guard(_reader.Read);

    /// <summary>An error at the current record.</summary>
    public RunFileException Error(string detail) => new(Path, Line, detail);

    /// <summary>Field <paramref name="column"/> as text ("" when empty).</summary>
    public string Text(int column) => _reader.GetString(column);

    /// <summary>Field <paramref name="column"/> as text, or null when empty.</summary>
    public string? NullableText(int column) => _reader.IsEmpty(column) ? null : _reader.GetString(column);

    /// <summary>A non-empty text field.</summary>
    public string RequiredText(int column)
    {
        string text = _reader.GetString(column);
        return text.Length > 0 ? text : throw FieldError(column, text, "a value");
    }

    /// <summary>A double (round-trip text, NaN, Infinity or -Infinity).</summary>
    public double Double(int column)
    {
        string text = _reader.GetString(column);
        return double.TryParse(text, DoubleStyle, CultureInfo.InvariantCulture, out double value) ? value : throw FieldError(column, text, "a number");
    }

    /// <summary>A double, or null when the field is empty.</summary>
    public double? NullableDouble(int column) => _reader.IsEmpty(column) ? null : Double(column);

    /// <summary>A 32-bit integer.</summary>
    public int Int32(int column)
    {
        string text = _reader.GetString(column);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : throw FieldError(column, text, "an integer");
    }

    /// <summary>A 32-bit integer, or null when the field is empty.</summary>
    public int? NullableInt32(int column) => _reader.IsEmpty(column) ? null : Int32(column);

    /// <summary>A 64-bit integer.</summary>
    public long Int64(int column)
    {
        string text = _reader.GetString(column);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : throw FieldError(column, text, "an integer");
    }

    /// <summary>A 64-bit integer, or null when the field is empty.</summary>
    public long? NullableInt64(int column) => _reader.IsEmpty(column) ? null : Int64(column);

    /// <summary>An unsigned 64-bit integer.</summary>
    public ulong UInt64(int column)
    {
        string text = _reader.GetString(column);
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : throw FieldError(column, text, "a non-negative integer");
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool Boolean(int column)
    {
        string text = _reader.GetString(column);
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw FieldError(column, text, "true or false"),
        };
    }

    /// <summary>An error about field <paramref name="column"/> of the current record.</summary>
    public RunFileException FieldError(int column, string text, string expected) =>
        Error($"column {Header[column]}: expected {expected} but found '{text}'");

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException ex)
        {
            throw new RunFileException(Path, ex.LineNumber, ex.Message, ex);
        }
    }
}
