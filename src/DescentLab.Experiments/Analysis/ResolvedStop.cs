using System.Text.Json;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>The stop settings a run set ran with, read back from the manifest's resolved config.</summary>
public static class ResolvedStop
{
    /// <summary><c>stop.target_gap</c> of <paramref name="manifest"/>, or null when the resolved config does not carry it.</summary>
    public static double? TargetGap(RunManifest manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest.ResolvedConfig);
            return document.RootElement.TryGetProperty("stop", out var stop) && stop.ValueKind == JsonValueKind.Object
                && stop.TryGetProperty("target_gap", out var gap) && gap.TryGetDouble(out double value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
