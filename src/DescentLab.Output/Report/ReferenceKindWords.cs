using DescentLab.Core.Metrics;

namespace DescentLab.Output.Report;

/// <summary>What each reference kind means, in the words the report and plots use.</summary>
internal static class ReferenceKindWords
{
    /// <summary>One sentence on what L* is for <paramref name="kind"/> and what judges its runs.</summary>
    public static string Meaning(ReferenceKind? kind) => kind switch
    {
        ReferenceKind.Exact => "exact: L\\* is a verified minimiser (closed form, or a stationary point with finite, moderate "
            + "parameters); a run converges when its gap to L\\* is within target_gap.",
        ReferenceKind.Infimum => "infimum: the loss approaches L\\* but no finite parameters reach it (separable classes, a sigmoid "
            + "sharpening into a step), so the gap to it measures nothing reachable; runs are judged by target_loss or "
            + "target_accuracy (by default the accuracy of the reference parameters), never by a gap to the bound.",
        ReferenceKind.BestKnown => "best_known: L\\* is the best point of a deterministic multi-start solve of a non-convex problem; "
            + "a run converges within target_gap of it, and a run whose loss goes below it beats the reference (a negative gap).",
        _ => "unknown: written before reference kinds were recorded.",
    };

    /// <summary>The legend of the reference point in parameter plots.</summary>
    public static string Legend(ReferenceKind? kind) => kind switch
    {
        ReferenceKind.Exact => "optimum",
        ReferenceKind.Infimum => "best found (infimum, not attained)",
        ReferenceKind.BestKnown => "best known",
        _ => "reference",
    };
}
