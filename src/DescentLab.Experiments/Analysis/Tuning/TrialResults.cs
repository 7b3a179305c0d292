using DescentLab.Core.Tuning;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>The trials of a tuned run set, each aggregated over the tuning seeds and ranked among its variant's trials on
/// its problem by <see cref="LeaderRule"/>; rank 1 is the trial that is evaluated on the held-out seeds.</summary>
/// <remarks>Only <see cref="TrialPhase.Tune"/> rows are read: the choice never sees an evaluation seed.</remarks>
public static class TrialResults
{
    /// <summary>One result per problem × variant entry × trial, in plan order (groups, then trials).</summary>
    /// <param name="rows">A run set's rows (rows of other phases are ignored).</param>
    /// <param name="variants">The resolved variant entries (as the manifest records them), whose search spaces place each
    /// trial's values.</param>
    public static IReadOnlyList<TrialResult> From(IReadOnlyList<SummaryRow> rows, IReadOnlyList<ResolvedVariant> variants) =>
        [.. Ranked(rows).Select(t => new TrialResult(t.Problem, t.Entry.Setting.Variant, t.Trial, t.Entry, Position(t.First, variants)))];

    /// <summary>The best trial of each tuned group (<see cref="RunIds.TrialGroup"/>), by the tuning-seed runs alone.</summary>
    public static IReadOnlyDictionary<string, int> BestTrials(IReadOnlyList<SummaryRow> rows) =>
        Ranked(rows).Where(t => t.Entry.Rank == 1).ToDictionary(t => t.Group, t => t.Trial, StringComparer.Ordinal);

    private static IEnumerable<RankedTrial> Ranked(IReadOnlyList<SummaryRow> rows)
    {
        var groups = rows
            .Where(r => r.Phase == TrialPhase.Tune && r.Trial is not null)
            .GroupBy(r => (Problem: ProblemKey.From(r), Group: RunIds.TrialGroup(r.RunId)));
        foreach (var group in groups)
        {
            var judgment = ProblemJudgment.Of(group);
            var trials = group.GroupBy(r => r.Trial!.Value).ToList();
            var entries = trials.Select(t => Leaderboard.Aggregate(new SettingRuns(VariantSetting.From(t.First()), [.. t]))).ToList();
            var comparer = LeaderRule.Comparer(judgment);
            var order = Enumerable.Range(0, entries.Count).OrderBy(i => entries[i], comparer).ToList();
            for (int i = 0; i < trials.Count; i++)
            {
                yield return new RankedTrial(group.Key.Problem, group.Key.Group, trials[i].Key, entries[i] with { Rank = order.IndexOf(i) + 1 }, trials[i].First());
            }
        }
    }

    /// <summary>Where each tuned value of <paramref name="row"/> sits in its variant's space (0 low end, 1 high end).</summary>
    private static IReadOnlyDictionary<string, double> Position(SummaryRow row, IReadOnlyList<ResolvedVariant> variants)
    {
        var space = variants.FirstOrDefault(v => v.Name == row.Variant)?.Space ?? [];
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dimension in space)
        {
            if (Value(row, dimension.Name) is { } value)
            {
                positions[dimension.Name] = dimension.Range.Position(value);
            }
        }

        return positions;
    }

    private static double? Value(SummaryRow row, string name) => name switch
    {
        "lr" => row.Lr,
        "step" => row.Step,
        _ => row.HyperParameters.Pairs.Where(p => p.Key == name).Select(p => (double?)p.Value).FirstOrDefault(),
    };

    private sealed record RankedTrial(ProblemKey Problem, string Group, int Trial, LeaderboardEntry Entry, SummaryRow First);
}
