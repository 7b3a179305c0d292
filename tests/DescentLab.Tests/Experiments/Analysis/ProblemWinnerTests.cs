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
    public void From_OnlyWinnerConverged_FewerEpochsAgainstNever()
    {
        var winner = Winner(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-9),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 90));

        Assert.Multiple(() =>
        {
            Assert.That((winner.Winner.Setting.Variant, winner.Margin), Is.EqualTo(("adam", WinMargin.FewerEpochs)));
            Assert.That((winner.Difference!.Winner, winner.Difference.RunnerUp), Is.EqualTo((90.0, double.PositiveInfinity)));
        });
    }

    [Test]
    public void From_ReachedThenLost_CountsAsNeverConverged()
    {
        // adam touched the target at epoch 5 and ended outside it; batch converged at epoch 90.
        var winner = Winner(
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.LostTarget, 1e-3, epochsToTarget: 5),
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 90));

        Assert.That((winner.Winner.Setting.Variant, winner.RunnerUp!.EpochsToTarget, winner.Margin), Is.EqualTo(("batch", (long?)null, WinMargin.FewerEpochs)));
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
            Assert.That((tie.Winner.Setting.Variant, tie.Margin), Is.EqualTo(("batch", WinMargin.Tie)), "batch comes before adam in the catalog");
            Assert.That(tie.Difference, Is.Null);
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
