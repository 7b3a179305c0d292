using DescentLab.Core.Metrics;
using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>One row of summary.csv: a run's identity, settings and metrics.</summary>
public sealed record SummaryRow
{
    /// <summary>Readable, stable id: dataset, model, variant, hyper-parameters, seed.</summary>
    public required string RunId { get; init; }

    /// <summary>Dataset name: the recipe, or the file name without extension.</summary>
    public required string Dataset { get; init; }

    /// <summary>Key of the dataset instance in <see cref="RunSet.Datasets"/> (recipe datasets differ per seed).</summary>
    public required string DatasetKey { get; init; }

    /// <summary>Recipe key, or null for a user's file.</summary>
    public string? Recipe { get; init; }

    /// <summary>Samples.</summary>
    public required int N { get; init; }

    /// <summary>The run's seed (dataset and shuffle).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Model key.</summary>
    public required string Model { get; init; }

    /// <summary><c>mse</c> or <c>cross_entropy</c>.</summary>
    public required string Loss { get; init; }

    /// <summary>Variant key.</summary>
    public required string Variant { get; init; }

    /// <summary>Learning rate, if the variant has one.</summary>
    public double? Lr { get; init; }

    /// <summary>Fixed step, if the variant has one.</summary>
    public double? Step { get; init; }

    /// <summary>Samples per update: 1 for sgd, n for full batch.</summary>
    public required int Batch { get; init; }

    /// <summary>Reshuffled each epoch.</summary>
    public required bool Shuffle { get; init; }

    /// <summary>Other hyper-parameters than lr and step, in the variant's declaration order.</summary>
    public HyperValues HyperParameters { get; init; } = HyperValues.Empty;

    /// <summary>Under <c>tune</c>: the 0-based trial of the run's setting; null when the config does not tune.</summary>
    public int? Trial { get; init; }

    /// <summary>Under <c>tune</c>: <c>tune</c> for a trial's run on a tuning seed, <c>eval</c> for the best trial's run on a
    /// held-out seed (see <see cref="TrialPhase"/>); null when the config does not tune.</summary>
    public string? Phase { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Epochs completed.</summary>
    public required int Epochs { get; init; }

    /// <summary>Parameter updates made.</summary>
    public required long Steps { get; init; }

    /// <summary>Loss of the final state.</summary>
    public required double FinalLoss { get; init; }

    /// <summary>L* of the dataset and model.</summary>
    public required double OptimumLoss { get; init; }

    /// <summary>What kind of reference L* is (exact, infimum, best_known); null only in rows read from files written before
    /// kinds were recorded.</summary>
    public ReferenceKind? OptimumKind { get; init; }

    /// <summary>True only where L* is attained at a verified stationary point.</summary>
    public required bool OptimumAttained { get; init; }

    /// <summary>FinalLoss - L*.</summary>
    public required double FinalGap { get; init; }

    /// <summary>Accuracy of the final state (classification problems); null for regression problems.</summary>
    public double? Accuracy { get; init; }

    /// <summary>First epoch whose state met the targets that decide convergence for the problem's kind, or null.</summary>
    public int? EpochsToTarget { get; init; }

    /// <summary>Per-sample gradient evaluations spent when the target was met, or null.</summary>
    public long? GradEvalsToTarget { get; init; }

    /// <summary>Per-sample gradient evaluations in all.</summary>
    public required long GradEvals { get; init; }

    /// <summary>Final parameters by name, in model order (w, b, w1, w2, ...).</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> FinalParameters { get; init; }

    /// <summary>Why the run diverged or failed; empty otherwise.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Wall time of the run in milliseconds (the only non-deterministic column).</summary>
    public double WallMs { get; init; }
}
