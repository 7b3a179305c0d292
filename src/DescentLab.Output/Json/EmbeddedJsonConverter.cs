using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescentLab.Output.Json;

/// <summary>Writes a string that holds JSON as the JSON value itself, and reads it back as the same string.</summary>
/// <remarks>The text is written verbatim, each line indented by the property's depth; reading removes that indent again,
/// which is exact because a line break in JSON can only be whitespace between tokens. Text that is not valid JSON is
/// written as an ordinary string.</remarks>
internal sealed class EmbeddedJsonConverter : JsonConverter<string>
{
    /// <inheritdoc/>
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        string indent = Indent(reader.CurrentDepth);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText().Replace("\n" + indent, "\n", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (!IsJson(value))
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteRawValue(value.Replace("\n", "\n" + Indent(writer.CurrentDepth), StringComparison.Ordinal), skipInputValidation: true);
    }

    private static string Indent(int depth) => new(' ', 2 * depth);

    private static bool IsJson(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
