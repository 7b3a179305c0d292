using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;

namespace DescentLab.Experiments.Analysis;

/// <summary>The gate's like-with-like comparison when a variant's settings changed between baseline and run: the variant's
/// best setting then against its best setting now (<see cref="LeaderRule"/>), on the seeds both ran.</summary>
/// <remarks>Worse when fewer seeds converge, else when epochs to target grow beyond <c>epochs_tol</c>, else when the judging
/// quantity gets worse beyond tolerance (the gap, rounding counting as 0; on an infimum, the accuracy, then the loss). The
/// comparison is filed under the current best setting, so that setting's JUnit testcase carries the failure.</remarks>
public static class BestSettingComparer
{
    /// <summary>The metric name of these comparisons.</summary>
    public const string Metric = "best_setting";

    private const string Same = "no difference beyond tolerance";

    /// <summary>Compares the best settings of one problem × variant in <paramref name="baseline"/> and <paramref name="current"/>
    /// (both non-empty, rows of that problem and variant only).</summary>
    public static SettingComparison Compare(string variant, IReadOnlyList<SummaryRow> baseline, IReadOnlyList<SummaryRow> current, RegressionConfig config)
    {
        var seeds = baseline.Select(r => r.Seed).Intersect(current.Select(r => r.Seed)).ToHashSet();
        var judged = ProblemJudgment.Of(baseline.Concat(current));
        var before = Best(baseline, seeds, judged);
        var now = Best(current, seeds, judged);
        var (direction, why) = Judge(before, now, judged, config);
        string then = Describe(variant, before);
        string next = Describe(variant, now);
        string sameSeeds = seeds.Count > 0 ? $"on the {seeds.Count} seeds both ran" : "no seed in common, all seeds";
        return new SettingComparison(RunIds.Setting(now.Seeds[0].RunId), Metric, then, "n/a", next, "n/a", "n/a", "best setting by the leader rule", direction)
        {
            Message = $"{variant}: {Short(variant, before)} ({Converged(before)}) -> {Short(variant, now)} ({Converged(now)}); {why} ({sameSeeds})",
        };
    }

    private static LeaderboardEntry Best(IReadOnlyList<SummaryRow> rows, HashSet<ulong> seeds, ProblemJudgment judged)
    {
        var kept = rows.Where(r => seeds.Count == 0 || seeds.Contains(r.Seed)).ToList();
        var settings = ProblemRuns.Group(kept).Single().Settings;
        return LeaderRule.Rank(settings.Select(Leaderboard.Aggregate), judged)[0];
    }

    private static (int Direction, string Why) Judge(LeaderboardEntry before, LeaderboardEntry now, ProblemJudgment judged, RegressionConfig config)
    {
        int direction = before.Converged.CompareTo(now.Converged);
        if (direction != 0)
        {
            return (direction, direction > 0 ? "fewer seeds converge" : "more seeds converge");
        }

        direction = SettingComparer.CompareEpochs(before.EpochsToTarget, now.EpochsToTarget, config.EpochsTol);
        if (direction != 0)
        {
            return (direction, $"epochs to target {Epochs(before.EpochsToTarget)} -> {Epochs(now.EpochsToTarget)}");
        }

        if (!judged.ByLoss)
        {
            direction = RegressionComparer.CompareGap(LeaderRule.RankedGap(before), LeaderRule.RankedGap(now), config);
            return (direction, direction == 0 ? Same : $"final gap {HumanNumber.Format(before.FinalGap)} -> {HumanNumber.Format(now.FinalGap)}");
        }

        double a = before.Accuracy ?? double.NegativeInfinity;
        double b = now.Accuracy ?? double.NegativeInfinity;
        if (a != b)
        {
            return (a > b ? 1 : -1, $"accuracy {HumanNumber.Format(a)} -> {HumanNumber.Format(b)}");
        }

        direction = RegressionComparer.CompareGap(before.FinalLoss, now.FinalLoss, config);
        return (direction, direction == 0 ? Same : $"final loss {HumanNumber.Format(before.FinalLoss)} -> {HumanNumber.Format(now.FinalLoss)}");
    }

    private static string Describe(string variant, LeaderboardEntry entry) => $"{variant} {Short(variant, entry)} ({Converged(entry)})";

    // The setting without its variant name: "lr=0.1", or "defaults" when nothing else is set.
    private static string Short(string variant, LeaderboardEntry entry)
    {
        string label = entry.Setting.Label;
        return label.Length > variant.Length && label.StartsWith(variant + " ", StringComparison.Ordinal) ? label[(variant.Length + 1)..] : "defaults";
    }

    private static string Converged(LeaderboardEntry entry) => $"{entry.Converged}/{entry.Runs} converged";

    private static string Epochs(long? epochs) => epochs is long e ? HumanNumber.Format(e) : RegressionComparer.NotReached;
}
