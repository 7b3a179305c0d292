namespace DescentLab.Experiments.Analysis;

/// <summary>One setting's performance-profile curve.</summary>
/// <param name="Setting">The variant setting.</param>
/// <param name="Ratios">Its finite cost ratios r = cost / best cost (≥ 1), ascending, one per problem it solved.</param>
/// <param name="Problems">All problems of the run set (the denominator).</param>
public sealed record ProfileCurve(VariantSetting Setting, IReadOnlyList<double> Ratios, int Problems)
{
    /// <summary>ρ(τ): the share of all problems with ratio ≤ <paramref name="tau"/>.</summary>
    public double ShareAt(double tau) => Problems == 0 ? 0 : (double)Ratios.Count(r => r <= tau) / Problems;

    /// <summary>ρ(1): the share of problems on which this setting was the best (ties included).</summary>
    public double ShareBest => ShareAt(1);

    /// <summary>ρ(∞): the share of problems it solved at all.</summary>
    public double ShareSolved => Problems == 0 ? 0 : (double)Ratios.Count / Problems;
}
