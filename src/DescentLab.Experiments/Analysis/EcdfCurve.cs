namespace DescentLab.Experiments.Analysis;

/// <summary>One setting's runtime distribution.</summary>
/// <param name="Setting">The variant setting.</param>
/// <param name="Runtimes">Gradient evaluations of each solved (problem, seed, target) trial, ascending.</param>
/// <param name="Trials">All trials (the denominator).</param>
public sealed record EcdfCurve(VariantSetting Setting, IReadOnlyList<long> Runtimes, int Trials)
{
    /// <summary>The share of all trials solved within <paramref name="budget"/> gradient evaluations.</summary>
    public double ShareWithin(double budget) => Trials == 0 ? 0 : (double)Runtimes.Count(r => r <= budget) / Trials;

    /// <summary>The share of all trials solved at all.</summary>
    public double ShareSolved => Trials == 0 ? 0 : (double)Runtimes.Count / Trials;
}
