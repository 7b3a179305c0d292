using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>A config's content as JSON, read by the loader's own YAML and JSON readers, so it can be checked against <see cref="ConfigSchema"/>.</summary>
/// <remarks>Scalars are typed exactly as the validator sees them (YAML 1.2 core schema: quoted text is a string, plain
/// <c>100</c> a number). YAML's <c>.inf</c> and <c>.nan</c> have no JSON form and become strings, which the schema, like the
/// validator, refuses where a number is expected. Of a repeated key the first value is kept.</remarks>
public static class ConfigJson
{
    /// <summary>The JSON form of <paramref name="text"/>, a config in the format of <paramref name="extension"/>
    /// (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>); null with <paramref name="errors"/> when it cannot be parsed.</summary>
    public static JsonNode? FromText(string text, string extension, out IReadOnlyList<ConfigError> errors)
    {
        var found = new List<ConfigError>();
        errors = found;
        const string File = "config";
        var root = extension.ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => YamlNodeReader.Read(new StringReader(text), File, found),
            ".json" => JsonNodeReader.Read(Encoding.UTF8.GetBytes(text), File, found),
            _ => null,
        };
        return found.Count > 0 || root is null ? null : ToJson(root);
    }

    private static JsonNode? ToJson(ConfigNode node)
    {
        switch (node)
        {
            case MappingNode mapping:
                var json = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    json.TryAdd(entry.Key.Text, ToJson(entry.Value));
                }

                return json;
            case SequenceNode list:
                return new JsonArray([.. list.Items.Select(ToJson)]);
            case ScalarNode { Kind: ScalarKind.Number } number:
                return Number(number.Text);
            case ScalarNode { Kind: ScalarKind.Boolean } boolean:
                return JsonValue.Create(boolean.Text.Equals("true", StringComparison.OrdinalIgnoreCase));
            case ScalarNode { Kind: ScalarKind.Null }:
                return null;
            default:
                return JsonValue.Create(((ScalarNode)node).Text);
        }
    }

    private static JsonValue Number(string text)
    {
        const NumberStyles Integer = NumberStyles.AllowLeadingSign;
        if (long.TryParse(text, Integer, CultureInfo.InvariantCulture, out long integer))
        {
            return JsonValue.Create(integer);
        }

        if (ulong.TryParse(text, Integer, CultureInfo.InvariantCulture, out ulong large))
        {
            return JsonValue.Create(large);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? JsonValue.Create(value)
            : JsonValue.Create(text);
    }
}
