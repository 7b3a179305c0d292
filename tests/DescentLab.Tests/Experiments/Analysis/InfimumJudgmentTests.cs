using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class InfimumJudgmentTests
{
    [Test]
    public void Build_Infimum_RanksByEpochsThenMedianAccuracyThenMedianLoss()
    {
        var board = Leaderboard.Build(InfimumRuns.Set()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(board.Judged, Is.EqualTo(new ProblemJudgment(ByGap: false, ByLoss: true, HasAccuracy: true)));
            // adam reached the target; momentum and sgd share median accuracy 0.95 (momentum's loss 0.25 < sgd's 0.45);
            // batch has the smallest loss of all (0.015) but the lowest accuracy (0.85), so the gap order would put it second.
            Assert.That(board.Entries.Select(e => e.Setting.Variant), Is.EqualTo(new[] { "adam", "momentum", "sgd", "batch" }));
            Assert.That(board.Entries[1].Accuracy, Is.EqualTo(0.95).Within(1e-15));
            Assert.That(board.Entries[1].FinalLoss, Is.EqualTo(0.25).Within(1e-15));
            Assert.That(board.Entries[3].FinalLoss, Is.EqualTo(0.015).Within(1e-15));
        });
    }

    [TestCase(new[] { "momentum", "sgd" }, WinMargin.SmallerLoss)]
    [TestCase(new[] { "batch", "momentum" }, WinMargin.HigherAccuracy)]
    [TestCase(new[] { "batch", "adam" }, WinMargin.FewerEpochs)]
    public void Margin_Infimum_NamesTheMeasureThatDecided(string[] variants, WinMargin expected)
    {
        var set = InfimumRuns.Set();
        set = set with { Rows = [.. set.Rows.Where(r => variants.Contains(r.Variant))] };

        var winner = ProblemWinner.From(Leaderboard.Build(set)).Single();

        Assert.That(winner.Margin, Is.EqualTo(expected));
    }

    [Test]
    public void Judgment_MixedKinds_JudgedBothWays_RegressionHasNoAccuracy()
    {
        var infimum = InfimumRuns.Row("adam", 1, 0.1, 1.0);
        var bestKnown = InfimumRuns.Row("adam", 2, 0.1, 1.0) with { OptimumKind = ReferenceKind.BestKnown };
        var exact = OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 1e-9, 10);

        Assert.Multiple(() =>
        {
            Assert.That(ProblemJudgment.Of([infimum, bestKnown]), Is.EqualTo(new ProblemJudgment(true, true, true)));
            Assert.That(ProblemJudgment.Of([exact]), Is.EqualTo(ProblemJudgment.Gap));
            Assert.That(ProblemJudgment.Of([infimum]).InfimumOnly, Is.True);
        });
    }

    [Test]
    public void Build_ExactProblem_StillRanksByGap_NoAccuracy()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.NotConverged, 1e-4));

        var board = Leaderboard.Build(set).Single();

        Assert.Multiple(() =>
        {
            Assert.That(board.Judged, Is.EqualTo(ProblemJudgment.Gap));
            Assert.That(board.Entries.Select(e => e.Setting.Variant), Is.EqualTo(new[] { "adam", "batch" }));
            Assert.That(board.Entries[0].Accuracy, Is.Null);
        });
    }
}
