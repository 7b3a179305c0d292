using System.Text.Json;
using DescentLab.Experiments.Config;

namespace DescentLab.Output.Json;

/// <summary>The resolved config as JSON text, exactly as manifest.json embeds it (the report shows this text).</summary>
public static class ResolvedConfigJson
{
    /// <summary>The indented snake_case JSON of <paramref name="config"/>.</summary>
    public static string ToText(ResolvedConfig config) => JsonSerializer.Serialize(config, JsonFormat.Options);
}
