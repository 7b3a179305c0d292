using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescentLab.Output.Json;

/// <summary>Writes a list of batch sizes with <c>"all"</c> for the full batch (null), as configs spell it, and reads it back.</summary>
internal sealed class BatchListConverter : JsonConverter<IReadOnlyList<int?>>
{
    private const string All = "all";

    /// <inheritdoc/>
    public override IReadOnlyList<int?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of batch sizes.");
        }

        var batches = new List<int?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            batches.Add(reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetInt32(),
                JsonTokenType.String when reader.GetString() == All => null,
                _ => throw new JsonException($"Expected a batch size or \"{All}\"."),
            });
        }

        return batches;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int?> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (int? batch in value)
        {
            if (batch is { } size)
            {
                writer.WriteNumberValue(size);
            }
            else
            {
                writer.WriteStringValue(All);
            }
        }

        writer.WriteEndArray();
    }
}
