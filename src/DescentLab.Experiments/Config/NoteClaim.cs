namespace DescentLab.Experiments.Config;

/// <summary>One checked statement a report note makes about its runs (docs/report.md lists the vocabulary).</summary>
/// <remarks>The measure names are defined here once; the validator, the JSON schema and the evaluator all read them.</remarks>
public sealed record NoteClaim
{
    /// <summary>The final gap to the reference L*.</summary>
    public const string FinalGap = "final_gap";

    /// <summary>The final loss.</summary>
    public const string FinalLoss = "final_loss";

    /// <summary>The final accuracy (classification losses only).</summary>
    public const string Accuracy = "accuracy";

    /// <summary>The first epoch at which the run met its target.</summary>
    public const string EpochsToTarget = "epochs_to_target";

    /// <summary>Per-sample gradient evaluations until the run met its target.</summary>
    public const string GradEvalsToTarget = "grad_evals_to_target";

    /// <summary>The value that stands for the problem's optimum in a comparison (<c>"&lt; optimum"</c>).</summary>
    public const string Optimum = "optimum";

    /// <summary>The comparison operators, longest first so <c>&lt;=</c> is read before <c>&lt;</c>.</summary>
    public static IReadOnlyList<string> Comparisons { get; } = ["<=", ">=", "<", ">"];

    /// <summary>Measures a run ends with; <see cref="ClaimKind.Better"/> compares by these.</summary>
    public static IReadOnlyList<string> FinalMeasures { get; } = [FinalGap, FinalLoss, Accuracy];

    /// <summary>Measures of reaching the target; <see cref="ClaimKind.Faster"/> compares by these.</summary>
    public static IReadOnlyList<string> ToTargetMeasures { get; } = [EpochsToTarget, GradEvalsToTarget];

    /// <summary>Every named measure (a model parameter such as <c>w</c> is a measure too).</summary>
    public static IReadOnlyList<string> Measures { get; } = [.. FinalMeasures, .. ToTargetMeasures];

    /// <summary>What is claimed.</summary>
    public required ClaimKind Kind { get; init; }

    /// <summary>The variant whose runs the claim is about.</summary>
    public required string Variant { get; init; }

    /// <summary>The measure compared: one of <see cref="Measures"/> or a parameter name; null for a status claim.</summary>
    public string? Measure { get; init; }

    /// <summary>One of <see cref="Comparisons"/>, for a <see cref="ClaimKind.Measure"/> claim.</summary>
    public string? Comparison { get; init; }

    /// <summary>The number compared with, or null for the optimum (L* for the final loss, the optimum's value of a parameter).</summary>
    public double? Value { get; init; }

    /// <summary>The status key, for a <see cref="ClaimKind.Status"/> claim.</summary>
    public string? Status { get; init; }

    /// <summary>The other variant, for <see cref="ClaimKind.Faster"/> and <see cref="ClaimKind.Better"/>.</summary>
    public string? Than { get; init; }

    /// <summary>Over which runs the claim must hold.</summary>
    public ClaimSeeds Seeds { get; init; } = ClaimSeeds.All;

    /// <summary>Whether a larger value of <paramref name="measure"/> is better (accuracy); smaller is better for the rest.</summary>
    public static bool HigherIsBetter(string measure) => measure == Accuracy;
}
