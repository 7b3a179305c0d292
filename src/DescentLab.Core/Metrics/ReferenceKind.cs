namespace DescentLab.Core.Metrics;

/// <summary>What kind of answer a problem's reference L* is.</summary>
public enum ReferenceKind
{
    /// <summary>A verified minimiser: the closed form, or a stationary point with finite, moderate parameters.</summary>
    Exact,

    /// <summary>A bound the loss approaches but no finite parameters reach (separable classes, a sigmoid sharpening into a step).</summary>
    Infimum,

    /// <summary>The best point of a deterministic multi-start solve of a non-convex problem; runs may beat it.</summary>
    BestKnown,
}
