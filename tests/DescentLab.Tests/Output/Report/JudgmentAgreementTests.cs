using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Compare;
using DescentLab.Output.Csv;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>One definition of each judgment: on hand-made run sets, the leaderboard, the headline, the trend, the tuned
/// leaderboard, <c>compare</c> and the gate name the same leader and the same status.</summary>
public sealed class JudgmentAgreementTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void Leader_GapTiesAndNegativeGaps_EveryViewNamesTheClosedForm()
    {
        // All three reach the target at epoch 1. line_search ends 1.08e-18 below L* = 0 and comes first in the plan; adam's
        // gap is 5e-13, also rounding (|gap| ≤ 1e-12). The three tie on the gap, so fewer epochs run decides: closed_form's 1.
        var rows = Seeds(s => OutcomeRows.Row("line_search", 1, s, RunStatus.Converged, -1.08e-18, epochsToTarget: 1))
            .Concat(Seeds(s => OutcomeRows.Row("adam", 0.1, s, RunStatus.Converged, 5e-13, epochsToTarget: 1) with { Epochs = 40 }))
            .Concat(Seeds(s => OutcomeRows.Row("closed_form", null, s, RunStatus.Converged, 0, epochsToTarget: 1) with { Epochs = 1 }))
            .ToArray();
        var set = OutcomeRows.Set(rows);

        var board = Leaderboard.Build(set).Single();
        string headline = HeadlineRow(MarkdownReport.ToMarkdown(set, []));
        var trendLeader = TrendLeader(rows);
        var tuned = TunedLeaderboard.From(Leaderboard.Build(set));
        var comparison = Compare(rows, rows);
        string printed = Print(comparison);

        Assert.Multiple(() =>
        {
            Assert.That(board.Entries.Select(e => e.Setting.Label), Is.EqualTo(new[] { "closed_form", "adam lr=0.1", "line_search lr=1" }));
            Assert.That(headline, Does.StartWith("| beans1 n=10, origin, mse | `closed_form` |"));
            Assert.That(headline, Does.Contain("tie on every judging key"), "no winner by a rounding hair");
            Assert.That(trendLeader, Is.EqualTo("closed_form"));
            Assert.That(tuned.Best[board.Problem]["closed_form"].Rank, Is.EqualTo(1));
            Assert.That(comparison.Leaders.Single().After!.Label, Is.EqualTo("closed_form"));
            Assert.That(printed, Does.Contain("Leader of beans1 n=10, origin, mse: closed_form (before), closed_form (after)."));
        });
    }

    [Test]
    public void LostTarget_StatusLeaderboardHeadlineGateAndTrendAgree()
    {
        // adam reaches the target first on every seed (epochs 10, 12, 14) but seeds 2 and 3 end outside it; batch converges
        // on all three at epoch 40. By first hits adam would lead (median 12); by runs that converge it has 1 of 3.
        var before = Seeds(s => OutcomeRows.Row("adam", 0.1, s, RunStatus.Converged, 1e-8, epochsToTarget: (int)(8 + (2 * s))))
            .Concat(Seeds(s => OutcomeRows.Row("batch", 0.1, s, RunStatus.Converged, 1e-7, epochsToTarget: 40)))
            .ToArray();
        var now = before.Select(r => r.Variant == "adam" && r.Seed > 1
            ? r with { Status = RunStatus.LostTarget, FinalGap = 1e-3, FinalLoss = 1e-3 }
            : r).ToArray();
        var gate = RegressionComparer.Compare(before, now, new RegressionConfig("baseline.csv"), "baseline.csv");
        var set = OutcomeRows.Set(now) with { Regression = gate };

        var entries = Leaderboard.Build(set).Single().Entries;
        string markdown = MarkdownReport.ToMarkdown(set, []);
        var status = gate.Settings.Single(c => c.Metric == "status" && c.Setting.Contains("_adam_", StringComparison.Ordinal));
        var reread = SummaryRoundTrip(now);

        Assert.Multiple(() =>
        {
            Assert.That(reread.Select(r => r.Status), Is.EqualTo(now.Select(r => r.Status)), "summary.csv keeps lost_target");
            Assert.That(entries.Select(e => (e.Setting.Label, e.Converged, e.LostTarget)), Is.EqualTo(new[] { ("batch lr=0.1", 3, 0), ("adam lr=0.1", 1, 2) }));
            Assert.That(entries[1].EpochsToTarget, Is.Null, "fewer than half of adam's seeds converged");
            Assert.That(markdown, Does.Contain("**6 runs:** 4 converged, 2 reached, then lost, 0 not converged"));
            Assert.That(HeadlineRow(markdown), Does.StartWith("| beans1 n=10, origin, mse | `batch lr=0.1` | converged 3/3 |").And.Contain("\n- beans1 n=10, origin, mse: converged 3/3 vs 1/3; "));
            Assert.That(HeadlineRow(markdown), Does.Contain("epochs to target 40 vs never").And.Not.Contain("only one to reach"));
            Assert.That(markdown, Does.Contain("| 2 | `adam lr=0.1` | — | — | 0.001 | 1 | 2 | 0 | 0 | 0 |"), "the leaderboard's lost column");
            Assert.That((status.BaselineMedian, status.CurrentMedian, status.Direction), Is.EqualTo(("converged", "lost_target", 1)));
            Assert.That(GateCounts.From(set).ToString(), Does.StartWith("6 runs: 4 converged (2 reached, then lost), "));
            Assert.That(TrendLeader(now), Is.EqualTo("batch lr=0.1"));
        });
    }

    [Test]
    public void Margin_OverlappingSeeds_IsATieWithinNoise_ClearOnesNameTheWinner()
    {
        // Neither converges. Close: adam's gaps 1e-3, 5e-3, 1.9e-3 against batch's 2e-3, 1e-3, 6e-3: adam's median is
        // smaller (1.9e-3 vs 2e-3), but seed by seed either is ahead. Clear: every seed of adam 100× below batch's.
        var close = Seeds(s => OutcomeRows.Row("adam", 0.1, s, RunStatus.NotConverged, new[] { 1e-3, 5e-3, 1.9e-3 }[s - 1]))
            .Concat(Seeds(s => OutcomeRows.Row("batch", 0.1, s, RunStatus.NotConverged, new[] { 2e-3, 1e-3, 6e-3 }[s - 1])));
        var clear = Seeds(s => OutcomeRows.Row("adam", 0.1, s, RunStatus.NotConverged, s * 1e-5))
            .Concat(Seeds(s => OutcomeRows.Row("batch", 0.1, s, RunStatus.NotConverged, s * 1e-3)));

        var tie = ProblemWinner.From(Leaderboard.Build(OutcomeRows.Set([.. close]))).Single();
        var win = ProblemWinner.From(Leaderboard.Build(OutcomeRows.Set([.. clear]))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(tie.Margin, Is.EqualTo(WinMargin.SmallerGap));
            Assert.That(tie.Difference!.WithinNoise, Is.True);
            Assert.That(HeadlineRow(MarkdownReport.ToMarkdown(OutcomeRows.Set([.. close]), [])), Does.Contain("converged 0/3 vs 0/3; tie within noise: final gap 0.0019 vs 0.002"));
            Assert.That(win.Difference!.WithinNoise, Is.False);
            Assert.That((win.Difference.Winner, win.Difference.RunnerUp, win.Difference.Seeds), Is.EqualTo((2e-5, 2e-3, 3)));
            Assert.That(win.Difference.High, Is.LessThan(0), "every resample has adam ahead");
        });
    }

    private static IEnumerable<SummaryRow> Seeds(Func<ulong, SummaryRow> row) => [row(1), row(2), row(3)];

    // The row of the headline table (the first table line that names the problem), then its margin bullet.
    private static string HeadlineRow(string markdown)
    {
        var lines = markdown.Split('\n');
        return lines.First(l => l.StartsWith("| beans1 n=10, origin, mse |", StringComparison.Ordinal)) + "\n"
            + lines.First(l => l.StartsWith("- beans1 n=10, origin, mse: ", StringComparison.Ordinal));
    }

    private static string TrendLeader(IReadOnlyList<SummaryRow> latest)
    {
        var trend = TrendPoints.Of(1, Night, "aaaaaaa1", latest).Concat(TrendPoints.Of(2, Night.AddDays(1), "aaaaaaa1", latest)).ToList();
        var analysis = TrendAnalysis.From(trend, 6);
        Assert.That(analysis.RunSets.Select(r => r.AxisLabel), Is.EqualTo(new[] { "2026-11-01\naaaaaaa", "2026-11-02\naaaaaaa" }), "two nights on one commit");
        return analysis.Problems.Single().Series.Single(s => s.Leader).Setting;
    }

    private static FolderComparison Compare(IReadOnlyList<SummaryRow> before, IReadOnlyList<SummaryRow> after)
    {
        var config = new RegressionConfig("a");
        var set = OutcomeRows.Set([.. after]) with { Regression = RegressionComparer.Compare(before, after, config, "a") };
        return new FolderComparison("a", "b", config, set) { BeforeRows = before };
    }

    private static string Print(FolderComparison comparison)
    {
        using var writer = new StringWriter();
        ComparisonTable.Write(writer, comparison);
        return writer.ToString();
    }

    private static IReadOnlyList<SummaryRow> SummaryRoundTrip(IReadOnlyList<SummaryRow> rows)
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("summary.csv");
        using (var writer = new StreamWriter(path))
        {
            SummaryCsv.Write(writer, rows);
        }

        return SummaryCsv.Read(path);
    }
}
