using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>stop</c> mapping; absent keys keep the <see cref="StopConfig"/> defaults.</summary>
internal static class StopValidator
{
    private const string Key = "stop";
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(Key);

    /// <summary>The stop rules at <paramref name="node"/> (null: all defaults).</summary>
    public static StopConfig Read(ValidationContext context, ConfigNode? node)
    {
        var stop = new StopConfig();
        if (node is null || context.Mapping(node, Key, "a mapping such as {max_epochs: 100, target_gap: 1.0e-6}") is not { } mapping)
        {
            return stop;
        }

        foreach (var (key, entry) in context.Keys(mapping, Key, Keys))
        {
            string path = KeyPath.Child(Key, key);
            stop = key switch
            {
                "max_epochs" => context.Integer(entry.Value, path, ConfigKeys.MaxEpochs) is { } v ? stop with { MaxEpochs = (int)v } : stop,
                "target_gap" => context.Number(entry.Value, path, ConfigKeys.TargetGap) is { } v ? stop with { TargetGap = v } : stop,
                "stop_at_target" => context.Boolean(entry.Value, path) is { } v ? stop with { StopAtTarget = v } : stop,
                "target_loss" => TargetLoss(context, entry.Value, path) is { } v ? stop with { TargetLoss = v } : stop,
                "target_accuracy" => TargetAccuracy(context, entry.Value, path) is { } v ? stop with { TargetAccuracy = v } : stop,
                "max_seconds" => context.Number(entry.Value, path, ConfigKeys.MaxSeconds) is { } v ? stop with { MaxSeconds = v } : stop,
                _ => context.Number(entry.Value, path, ConfigKeys.DivergeFactor) is { } v ? stop with { DivergeFactor = v } : stop,
            };
        }

        return stop;
    }

    /// <summary>A target loss (both losses are &gt;= 0), or null after an error.</summary>
    public static double? TargetLoss(ValidationContext context, ConfigNode node, string path) => context.Number(node, path, ConfigKeys.TargetLoss);

    /// <summary>A target accuracy, or null after an error.</summary>
    public static double? TargetAccuracy(ValidationContext context, ConfigNode node, string path) => context.Number(node, path, ConfigKeys.TargetAccuracy);

    /// <summary>The keys of <c>stop</c> (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => Keys;
}
