using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>regression</c> mapping; the baseline path is resolved against the config's folder.</summary>
internal static class RegressionValidator
{
    private const string Key = "regression";
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(Key);

    /// <summary>The regression block at <paramref name="node"/>, or null when absent or its baseline is unusable.</summary>
    public static RegressionConfig? Read(ValidationContext context, ConfigNode? node, string configDirectory)
    {
        if (node is null || context.Mapping(node, Key, "a mapping such as {baseline: previous, fail: true}") is not { } mapping)
        {
            return null;
        }

        var keys = context.Keys(mapping, Key, Keys);
        var baselineNode = context.Required(keys, "baseline", mapping, Key, $"a baseline summary.csv path or '{RegressionConfig.Previous}'");
        string baselinePath = KeyPath.Child(Key, "baseline");
        string? baseline = baselineNode is null ? null : context.Text(baselineNode, baselinePath, $"a baseline summary.csv path or '{RegressionConfig.Previous}'");
        var regression = new RegressionConfig(string.Empty);
        foreach (var (key, entry) in keys)
        {
            string path = KeyPath.Child(Key, key);
            regression = key switch
            {
                "gap_rel_tol" => context.Number(entry.Value, path, ConfigKeys.GapRelTol) is { } v ? regression with { GapRelTol = v } : regression,
                "gap_abs_tol" => context.Number(entry.Value, path, ConfigKeys.GapAbsTol) is { } v ? regression with { GapAbsTol = v } : regression,
                "epochs_tol" => context.Integer(entry.Value, path, ConfigKeys.EpochsTol) is { } v ? regression with { EpochsTol = (int)v } : regression,
                "fail" => context.Boolean(entry.Value, path) is { } v ? regression with { Fail = v } : regression,
                "allow_missing" => context.Boolean(entry.Value, path) is { } v ? regression with { AllowMissing = v } : regression,
                "machine" => context.Text(entry.Value, path, "a machine name") is { Length: > 0 } v ? regression with { Machine = v } : regression,
                _ => regression,
            };
        }

        if (baseline is null)
        {
            return null;
        }

        if (regression.Machine is not null && baseline != RegressionConfig.Previous)
        {
            context.Error(keys["machine"].Value, KeyPath.Child(Key, "machine"), $"a machine picks a run set from history, so it needs baseline: {RegressionConfig.Previous}");
            return null;
        }

        try
        {
            return regression with { Baseline = baseline == RegressionConfig.Previous ? baseline : Path.GetFullPath(baseline, configDirectory) };
        }
        catch (ArgumentException)
        {
            context.Error(baselineNode!, baselinePath, $"'{baseline}' is not a valid path");
            return null;
        }
    }

    /// <summary>The keys of <c>regression</c> (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => Keys;
}
