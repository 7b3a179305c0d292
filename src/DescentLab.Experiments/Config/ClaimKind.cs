namespace DescentLab.Experiments.Config;

/// <summary>What a <see cref="NoteClaim"/> asserts about the runs of a variant.</summary>
public enum ClaimKind
{
    /// <summary>A measure of the variant's runs compared with a number or the optimum, e.g. <c>final_gap: "&gt; 1e-3"</c>.</summary>
    Measure,

    /// <summary>The variant's runs end with a status, e.g. <c>status: not_converged</c>.</summary>
    Status,

    /// <summary>The variant reaches the target sooner than another (a measure to target, unreached counting as never).</summary>
    Faster,

    /// <summary>The variant ends better than another by a final measure (lower gap or loss, higher accuracy).</summary>
    Better,
}
