namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>Where a variant's best trial sits in the range of one tuned hyper-parameter, and whether it asks for a wider range.</summary>
/// <param name="Name">The hyper-parameter.</param>
/// <param name="Position">The best trial's position in the range: 0 at the low end, 1 at the high end
/// (<see cref="TrialResult.Position"/>).</param>
/// <param name="Widen">The end the best trial presses against (<see cref="Of"/>), or <see cref="RangeSide.None"/>.</param>
public sealed record RangeEdge(string Name, double Position, RangeSide Widen)
{
    /// <summary>How close to an end (as a share of the range) a best value must be to count as at that end.</summary>
    public const double EdgeShare = 0.1;

    /// <summary>The edge of the best trial's value of <paramref name="name"/> among the values the variant's trials sampled.</summary>
    /// <remarks>Widen below when the best trial holds the lowest sampled value (no trial went lower) and sits within
    /// <see cref="EdgeShare"/> of the low end (position ≤ 0.1); widen above when it holds the highest sampled value and
    /// position ≥ 0.9. Both conditions, because a best value near the end that other trials went beyond is no sign that
    /// the range is too narrow, and a lowest sampled value in the middle of the range is only a sparse sample. A choice
    /// counts by its index, so its first or last option is an edge.</remarks>
    /// <param name="name">The hyper-parameter.</param>
    /// <param name="best">The best trial's position.</param>
    /// <param name="sampled">The positions of all of the variant's trials, the best one's included.</param>
    public static RangeEdge Of(string name, double best, IReadOnlyCollection<double> sampled)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        var known = sampled.Where(double.IsFinite).ToList();
        var side = !double.IsFinite(best) || known.Count == 0 ? RangeSide.None
            : best <= EdgeShare && best <= known.Min() ? RangeSide.Low
            : best >= 1 - EdgeShare && best >= known.Max() ? RangeSide.High
            : RangeSide.None;
        return new RangeEdge(name, best, side);
    }
}
