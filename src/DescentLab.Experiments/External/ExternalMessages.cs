using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DescentLab.Experiments.External;

/// <summary>Writes and reads the protocol's JSON lines.</summary>
/// <remarks>Doubles are written shortest-round-trip, so they cross the pipe bit for bit; <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c> are accepted as bare tokens (as Python's json module writes them), which JSON proper does not allow,
/// so they are quoted before parsing.</remarks>
public static class ExternalMessages
{
    /// <summary>Appends <paramref name="value"/> shortest-round-trip (<c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> as tokens).</summary>
    public static StringBuilder Number(this StringBuilder text, double value) =>
        text.Append(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Appends <c>[a,b,...]</c>.</summary>
    public static StringBuilder Numbers(this StringBuilder text, ReadOnlySpan<double> values)
    {
        text.Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Number(values[i]);
        }

        return text.Append(']');
    }

    /// <summary>Appends a JSON string.</summary>
    public static StringBuilder String(this StringBuilder text, string value) => text.Append(JsonSerializer.Serialize(value));

    /// <summary>Parses one answer line.</summary>
    /// <exception cref="JsonException">Not a JSON object.</exception>
    public static JsonDocument Parse(string line)
    {
        var document = JsonDocument.Parse(QuoteNamedNumbers(line));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new JsonException("expected a JSON object");
        }

        return document;
    }

    /// <summary>A number, or one of the tokens NaN, Infinity, -Infinity.</summary>
    public static bool TryGetNumber(JsonElement element, out double value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDouble(out value);
            case JsonValueKind.String when element.GetString() is "NaN" or "Infinity" or "-Infinity":
                value = double.Parse(element.GetString()!, CultureInfo.InvariantCulture);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Reads an array of exactly <paramref name="values"/>.Length numbers; the error says what was wrong.</summary>
    public static string? TryReadNumbers(JsonElement array, Span<double> values, string key)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return $"'{key}' must be an array of numbers";
        }

        int length = array.GetArrayLength();
        if (length != values.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{key}' has {length} numbers, expected {values.Length}");
        }

        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (!TryGetNumber(item, out values[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"'{key}'[{i}] is not a number");
            }

            i++;
        }

        return null;
    }

    /// <summary>Quotes the bare tokens NaN, Infinity and -Infinity outside strings.</summary>
    private static string QuoteNamedNumbers(string line)
    {
        if (line.IndexOfAny(['N', 'I']) < 0)
        {
            return line;
        }

        var text = new StringBuilder(line.Length + 16);
        bool inString = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < line.Length)
                {
                    text.Append(line[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                text.Append(c);
            }
            else if (Token(line, i) is { } token)
            {
                text.Append('"').Append(token).Append('"');
                i += token.Length - 1;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string? Token(string line, int at)
    {
        foreach (string token in (ReadOnlySpan<string>)["NaN", "Infinity", "-Infinity"])
        {
            if (string.CompareOrdinal(line, at, token, 0, token.Length) == 0)
            {
                return token;
            }
        }

        return null;
    }
}
