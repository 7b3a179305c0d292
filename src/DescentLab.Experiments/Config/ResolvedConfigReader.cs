using System.Text.Json;

namespace DescentLab.Experiments.Config;

/// <summary>Reads back the parts of a resolved config (<see cref="ResolvedConfigWriter"/>) that later commands need.</summary>
public static class ResolvedConfigReader
{
    /// <summary>The regression block of a resolved config, or null when it has none.</summary>
    /// <exception cref="JsonException">The text is not a resolved config.</exception>
    public static RegressionConfig? Regression(string resolvedConfigJson)
    {
        using var document = JsonDocument.Parse(resolvedConfigJson);
        if (!document.RootElement.TryGetProperty("regression", out var block) || block.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return new RegressionConfig(
            block.GetProperty("baseline").GetString() ?? throw new JsonException("regression.baseline is null"),
            block.GetProperty("gap_rel_tol").GetDouble(),
            block.GetProperty("gap_abs_tol").GetDouble(),
            block.GetProperty("epochs_tol").GetInt32(),
            block.GetProperty("fail").GetBoolean(),
            // Manifests written before allow_missing existed lack it; they meant false.
            block.TryGetProperty("allow_missing", out var allowMissing) && allowMissing.GetBoolean());
    }
}
