using System.Globalization;
using CsvHelper;

namespace DescentLab.Output.Csv;

/// <summary>Writes one CSV table field by field with the run folder's number rules.</summary>
/// <remarks>Invariant culture, doubles in round-trip ("R") form (NaN, Infinity, -Infinity spelt so), booleans
/// <c>true</c>/<c>false</c>, an empty field for null, "\n" line endings; the current culture never matters.</remarks>
internal sealed class CsvTableWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\n",
    };

    private readonly CsvWriter _writer;

    /// <summary>A writer on <paramref name="textWriter"/>, which stays open.</summary>
    public CsvTableWriter(TextWriter textWriter)
    {
        _writer = CsvWriter.Create(textWriter, Options, leaveOpen: true);
    }

    /// <summary>Writes the header record.</summary>
    public void Header(IReadOnlyList<string> names)
    {
        foreach (string name in names)
        {
            _writer.WriteField(name);
        }

        _writer.EndRecord();
    }

    /// <summary>A text field; null is an empty field.</summary>
    public void Field(string? value) => _writer.WriteField(value);

    /// <summary>A double in round-trip form.</summary>
    public void Field(double value) => _writer.WriteField(Format(value));

    /// <summary>A double in round-trip form, or an empty field.</summary>
    public void Field(double? value) => _writer.WriteField(value is { } v ? Format(v) : null);

    /// <summary>An integer.</summary>
    public void Field(long value) => _writer.WriteField(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An integer, or an empty field.</summary>
    public void Field(long? value) => _writer.WriteField(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>An unsigned integer (seeds).</summary>
    public void Field(ulong value) => _writer.WriteField(value.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public void Field(bool value) => _writer.WriteField(value ? "true" : "false");

    /// <summary>Ends the current record.</summary>
    public void EndRecord() => _writer.EndRecord();

    /// <summary>The longest text <see cref="Format"/> gives (<c>-2.2250738585072014E-308</c> is 24 characters).</summary>
    public const int MaxFormattedLength = 32;

    private const string RoundTrip = "R";

    /// <summary>Round-trip text of <paramref name="value"/> in the invariant culture.</summary>
    public static string Format(double value) => value.ToString(RoundTrip, CultureInfo.InvariantCulture);

    /// <summary><see cref="Format"/>'s text as UTF-8 bytes at the start of <paramref name="destination"/>, which holds at
    /// least <see cref="MaxFormattedLength"/> bytes; returns how many were written.</summary>
    public static int Format(double value, Span<byte> destination) =>
        value.TryFormat(destination, out int written, RoundTrip, CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException($"{MaxFormattedLength} bytes are needed to format a number.", nameof(destination));

    /// <summary>Flushes the buffered records to the text writer.</summary>
    public void Dispose() => _writer.Dispose();
}
