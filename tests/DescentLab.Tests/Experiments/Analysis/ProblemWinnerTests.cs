using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class ProblemWinnerTests
{
    [Test]
    public void From_BothReachedTarget_FewerEpochsWins()
    {
        var winner = Winner(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 30),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 1e-9, epochsToTarget: 12));

        Assert.Multiple(() =>
        {
            Assert.That(winner.Winner.Setting.Variant, Is.EqualTo("adam"));
            Assert.That(winner.RunnerUp!.Setting.Variant, Is.EqualTo("batch"));
            Assert.That(winner.Margin, Is.EqualTo(WinMargin.FewerEpochs));
        });
    }

    [Test]
    public void From_OnlyWinnerReachedTarget()
    {
        var winner = Winner(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-9),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 90));

        Assert.That((winner.Winner.Setting.Variant, winner.Margin), Is.EqualTo(("adam", WinMargin.OnlyOneReachedTarget)));
    }

    [Test]
    public void From_NeitherReached_SmallerGapWins_EqualIsATieInPlanOrder()
    {
        var byGap = Winner(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.NotConverged, 1e-4));
        var tie = Winner(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.NotConverged, 1e-3));

        Assert.Multiple(() =>
        {
            Assert.That((byGap.Winner.Setting.Variant, byGap.Margin), Is.EqualTo(("adam", WinMargin.SmallerGap)));
            Assert.That((tie.Winner.Setting.Variant, tie.Margin), Is.EqualTo(("batch", WinMargin.Tie)));
        });
    }

    [Test]
    public void From_OneSetting_IsAlone()
    {
        var winner = Winner(OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-3));

        Assert.That((winner.RunnerUp, winner.Margin), Is.EqualTo(((LeaderboardEntry?)null, WinMargin.Alone)));
    }

    private static ProblemWinner Winner(params DescentLab.Experiments.Results.SummaryRow[] rows) =>
        ProblemWinner.From(Leaderboard.Build(OutcomeRows.Set(rows))).Single();
}
