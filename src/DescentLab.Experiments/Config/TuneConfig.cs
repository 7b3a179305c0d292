using DescentLab.Core.Tuning;

namespace DescentLab.Experiments.Config;

/// <summary>The <c>tune</c> block: every variant gets <see cref="Trials"/> settings from its search space, each run on the
/// tuning seeds; each variant's best trial per problem is run again on the held-out evaluation seeds, and only those runs
/// are ranked.</summary>
/// <param name="Trials">Settings per variant (the budget).</param>
/// <param name="Sampler">How the settings are placed in the space.</param>
/// <param name="Seed">Seeds the sampler (the scramble of quasi_random, the draws of random).</param>
/// <param name="TuneSeeds">Seeds every trial runs on (default: the config's <c>seeds</c>).</param>
/// <param name="EvalSeeds">Held-out seeds the chosen trials run on; none is a tuning seed.</param>
public sealed record TuneConfig(int Trials, SamplerKind Sampler, ulong Seed, IReadOnlyList<ulong> TuneSeeds, IReadOnlyList<ulong> EvalSeeds)
{
    /// <summary>The config words of the samplers, in <see cref="SamplerKind"/> order (the default first).</summary>
    public static IReadOnlyList<string> SamplerNames { get; } = ["quasi_random", "grid", "random"];
}
