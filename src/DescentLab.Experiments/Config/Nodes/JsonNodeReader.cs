using System.Text;
using System.Text.Json;

namespace DescentLab.Experiments.Config.Nodes;

/// <summary>Reads JSON (comments and trailing commas allowed) into a <see cref="ConfigNode"/> tree with <see cref="Utf8JsonReader"/>.</summary>
/// <remarks>Recursion is bounded by the reader's own depth limit (64).</remarks>
internal static class JsonNodeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The root value, or null when the text is not valid JSON (then <paramref name="errors"/> says why).</summary>
    /// <param name="utf8">The file's bytes without a byte order mark.</param>
    /// <param name="file">The file name for errors.</param>
    /// <param name="errors">Where a syntax error goes.</param>
    public static ConfigNode? Read(ReadOnlyMemory<byte> utf8, string file, List<ConfigError> errors)
    {
        var positions = new TextPositions(utf8);
        var reader = new Utf8JsonReader(utf8.Span, Options);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, positions);
            while (reader.Read())
            {
                // Drains the input so that text after the root value is reported as a syntax error.
            }

            return root;
        }
        catch (InvalidStringException ex)
        {
            errors.Add(new ConfigError(file, ex.Line, ex.Column, string.Empty, "a string holds an escape that is not a character (a lone UTF-16 surrogate such as \\ud800)"));
            return null;
        }
        catch (JsonException ex)
        {
            var (line, column) = positions.AtLine(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            errors.Add(SyntaxErrors.Create(file, line, column, WithoutPosition(ex.Message)));
            return null;
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, TextPositions positions)
    {
        var (line, column) = positions.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<MappingEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = positions.At(reader.TokenStartIndex);
                    var key = new ScalarNode(Text(ref reader, keyLine, keyColumn), ScalarKind.String, keyLine, keyColumn);
                    reader.Read();
                    entries.Add(new MappingEntry(key, ReadValue(ref reader, positions)));
                }

                return new MappingNode(entries, line, column);
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions));
                }

                return new SequenceNode(items, line, column);
            case JsonTokenType.String:
                return new ScalarNode(Text(ref reader, line, column), ScalarKind.String, line, column);
            case JsonTokenType.Number:
                return new ScalarNode(Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, line, column);
            case JsonTokenType.True or JsonTokenType.False:
                return new ScalarNode(reader.GetBoolean() ? "true" : "false", ScalarKind.Boolean, line, column);
            default:
                return new ScalarNode("null", ScalarKind.Null, line, column);
        }
    }

    /// <summary>The string token's text; an escape that is no character (<c>\ud800</c> alone) throws <see cref="InvalidStringException"/>.</summary>
    private static string Text(ref Utf8JsonReader reader, int line, int column)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidStringException(line, column);
        }
    }

    /// <summary>Drops System.Text.Json's " LineNumber: 3 | BytePositionInLine: 4." tail; the position is reported separately.</summary>
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>A string token that cannot become text, at its position.</summary>
    private sealed class InvalidStringException(int line, int column) : Exception
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
