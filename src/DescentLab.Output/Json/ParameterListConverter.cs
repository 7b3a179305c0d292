using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescentLab.Output.Json;

/// <summary>Writes a parameter list as a JSON object in parameter order (<c>{"w": 1.2, "b": 0.3}</c>) and reads it back.</summary>
internal sealed class ParameterListConverter : JsonConverter<IReadOnlyList<KeyValuePair<string, double>>>
{
    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of parameter values.");
        }

        var parameters = new List<KeyValuePair<string, double>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            parameters.Add(new(name, JsonSerializer.Deserialize<double>(ref reader, options)));
        }

        return parameters;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, double>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, parameter) in value)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, parameter, options);
        }

        writer.WriteEndObject();
    }
}
