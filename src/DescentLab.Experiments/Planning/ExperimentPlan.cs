using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Planning;

/// <summary>The frozen, deduplicated run matrix of a config (or of one shard of it).</summary>
/// <param name="Config">The validated config.</param>
/// <param name="Datasets">Dataset instances used by the runs, in plan order.</param>
/// <param name="Problems">Reference optimum of each dataset instance × model used, in plan order.</param>
/// <param name="Runs">Runs in plan order (only this shard's when sharded).</param>
/// <param name="TotalRuns">Runs in the whole matrix.</param>
/// <param name="Notes">What the plan skipped and why.</param>
/// <param name="Shard">The shard, or null for the whole matrix.</param>
public sealed record ExperimentPlan(
    ExperimentConfig Config,
    IReadOnlyList<PlannedDataset> Datasets,
    IReadOnlyList<ProblemInfo> Problems,
    IReadOnlyList<RunSpec> Runs,
    int TotalRuns,
    IReadOnlyList<string> Notes,
    ShardSpec? Shard)
{
    /// <summary>Under <c>tune</c>: the tuned groups, whose evaluation runs are planned once their trials have run
    /// (<see cref="Planner.CreateEval"/>); null otherwise.</summary>
    public TunePlan? Tuning { get; init; }
}
