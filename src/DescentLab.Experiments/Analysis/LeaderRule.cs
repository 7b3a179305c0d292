using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Analysis;

/// <summary>The one rule that orders a problem's variant settings and so names its leader: the leaderboard, the headline,
/// the trend, the tuned leaderboard, <c>compare</c> and the gate's per-variant comparison all rank by it.</summary>
/// <remarks>Keys, in order: (1) epochs to target among converged runs (<see cref="LeaderboardEntry.EpochsToTarget"/>,
/// fewest first, none last); (2) the problem's judging quantity: on a problem with an infimum reference the highest median
/// accuracy, then the smallest median final loss, otherwise the smallest median final gap, where a gap within rounding
/// (|gap| ≤ 1e-12·max(1, |L*|), negative ones included) counts as 0; (3) fewer epochs run; (4) variant catalog order;
/// then plan order.</remarks>
public static class LeaderRule
{
    /// <summary>Relative size of a gap that is rounding, not a difference: 1e-12 times max(1, |L*|).</summary>
    public const double RoundingGap = 1e-12;

    /// <summary><paramref name="entries"/> best first, ranked 1, 2, …</summary>
    public static IReadOnlyList<LeaderboardEntry> Rank(IEnumerable<LeaderboardEntry> entries, ProblemJudgment judged) =>
        entries.Order(Comparer(judged)).Select((e, i) => e with { Rank = i + 1 }).ToList();

    /// <summary>The comparer of the rule (plan order is left to a stable sort).</summary>
    public static IComparer<LeaderboardEntry> Comparer(ProblemJudgment judged) =>
        Comparer<LeaderboardEntry>.Create((a, b) => Compare(a, b, judged));

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>, 0 when the rule cannot tell them apart.</summary>
    public static int Compare(LeaderboardEntry a, LeaderboardEntry b, ProblemJudgment judged)
    {
        int order = Epochs(a.EpochsToTarget).CompareTo(Epochs(b.EpochsToTarget));
        if (order == 0)
        {
            order = CompareQuantity(a, b, judged);
        }

        if (order == 0)
        {
            order = a.Epochs.CompareTo(b.Epochs);
        }

        return order != 0 ? order : CatalogIndex(a.Setting.Variant).CompareTo(CatalogIndex(b.Setting.Variant));
    }

    /// <summary>Compares the judging quantity alone: accuracy then loss on an infimum problem, else the gap (rounding ties).</summary>
    public static int CompareQuantity(LeaderboardEntry a, LeaderboardEntry b, ProblemJudgment judged)
    {
        if (!judged.ByLoss)
        {
            return RankedGap(a).CompareTo(RankedGap(b));
        }

        int order = AccuracyKey(b).CompareTo(AccuracyKey(a));
        return order != 0 ? order : Worst(a.FinalLoss).CompareTo(Worst(b.FinalLoss));
    }

    /// <summary>True when the gap of a run with reference <paramref name="optimumLoss"/> is rounding (counts as 0).</summary>
    public static bool IsRounding(double gap, double optimumLoss) => Math.Abs(gap) <= Tolerance(optimumLoss);

    /// <summary>The rounding tolerance of a gap to <paramref name="optimumLoss"/>.</summary>
    public static double Tolerance(double optimumLoss) =>
        RoundingGap * (double.IsFinite(optimumLoss) ? Math.Max(1, Math.Abs(optimumLoss)) : 1);

    /// <summary>The gap the rule ranks by: 0 within rounding, +∞ for NaN.</summary>
    public static double RankedGap(LeaderboardEntry entry) =>
        Math.Abs(entry.FinalGap) <= entry.RoundingGap ? 0 : Worst(entry.FinalGap);

    // Higher is better; none (or NaN) is the worst.
    private static double AccuracyKey(LeaderboardEntry entry) =>
        entry.Accuracy is double a && !double.IsNaN(a) ? a : double.NegativeInfinity;

    private static long Epochs(long? epochs) => epochs ?? long.MaxValue;

    private static double Worst(double value) => double.IsNaN(value) ? double.PositiveInfinity : value;

    private static int CatalogIndex(string variant)
    {
        var all = VariantCatalog.All;
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Name == variant)
            {
                return i;
            }
        }

        return all.Count;
    }
}
