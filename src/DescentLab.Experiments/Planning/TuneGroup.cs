using DescentLab.Experiments.Config;

namespace DescentLab.Experiments.Planning;

/// <summary>One variant entry tuned on one problem: its trials' settings and where its runs sit in the plan.</summary>
/// <param name="Group">0-based position among the plan's groups (shards take whole groups).</param>
/// <param name="Key">The run ids' common part, e.g. <c>beans1-n100_affine_adam</c> (see <see cref="RunIds.TrialGroup"/>).</param>
/// <param name="Dataset">The dataset entry.</param>
/// <param name="Model">The model.</param>
/// <param name="Variant">The variant entry.</param>
/// <param name="Fixed">Hyper-parameters the config fixes, in config order.</param>
/// <param name="Trials">Each trial's sampled hyper-parameters, in the space's order.</param>
/// <param name="Batch">The entry's batch size (null: all samples).</param>
/// <param name="EvalIndex">Plan index of the first evaluation run; the others follow, one per evaluation seed.</param>
/// <param name="Included">Whether this process's shard runs the group.</param>
public sealed record TuneGroup(
    int Group,
    string Key,
    DatasetConfig Dataset,
    ModelConfig Model,
    VariantConfig Variant,
    IReadOnlyList<KeyValuePair<string, double>> Fixed,
    IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> Trials,
    int? Batch,
    int EvalIndex,
    bool Included)
{
    /// <summary>The full setting of trial <paramref name="trial"/>: the fixed values, then the sampled ones.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Setting(int trial) => [.. Fixed, .. Trials[trial]];
}
