using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class LeaderboardTests
{
    [Test]
    public void Build_ReachedFirstByEpochs_ThenByMedianFinalGap()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("batch", 0.1, 2, RunStatus.NotConverged, 1e-4),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 1e-9, epochsToTarget: 40),
            OutcomeRows.Row("adam", 0.1, 2, RunStatus.Converged, 1e-9, epochsToTarget: 30),
            OutcomeRows.Row("momentum", 0.1, 1, RunStatus.NotConverged, 1e-5),
            OutcomeRows.Row("momentum", 0.1, 2, RunStatus.NotConverged, 1e-5),
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 12, batch: 1),
            OutcomeRows.Row("sgd", 0.1, 2, RunStatus.Converged, 1e-8, epochsToTarget: 20, batch: 1));

        var board = Leaderboard.Build(set).Single();

        Assert.Multiple(() =>
        {
            Assert.That(board.Entries.Select(e => e.Setting.Variant), Is.EqualTo(new[] { "sgd", "adam", "momentum", "batch" }));
            Assert.That(board.Entries.Select(e => e.Rank), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(board.Entries[0].EpochsToTarget, Is.EqualTo(12));
            Assert.That(board.Entries[0].GradEvalsToTarget, Is.EqualTo(120));
            Assert.That(board.Entries[3].FinalGap, Is.EqualTo(5.5e-4).Within(1e-18));
        });
    }

    [Test]
    public void Build_FewerThanHalfTheSeedsReached_NoEpochsToTarget()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 5, batch: 1),
            OutcomeRows.Row("sgd", 0.1, 2, RunStatus.NotConverged, 1e-3, batch: 1),
            OutcomeRows.Row("sgd", 0.1, 3, RunStatus.Diverged, double.NaN, batch: 1));

        var entry = Leaderboard.Build(set).Single().Entries.Single();

        Assert.Multiple(() =>
        {
            Assert.That(entry.EpochsToTarget, Is.Null);
            Assert.That(entry.GradEvalsToTarget, Is.Null);
            Assert.That(entry.Runs, Is.EqualTo(3));
            Assert.That((entry.Converged, entry.NotConverged, entry.Diverged, entry.Failed), Is.EqualTo((1, 1, 1, 0)));
            Assert.That(entry.FinalGap, Is.EqualTo(1e-3));
        });
    }

    [Test]
    public void Build_Ties_FollowCatalogOrderThenPlanOrder()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("rmsprop", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adam", 0.3, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adagrad", 0.1, 1, RunStatus.NotConverged, 1e-3),
            OutcomeRows.Row("adam", 0.1, 1, RunStatus.NotConverged, 1e-3));

        var settings = Leaderboard.Build(set).Single().Entries.Select(e => e.Setting.Label);

        // Catalog: adagrad, rmsprop, adam; the two adam settings keep plan order.
        Assert.That(settings, Is.EqualTo(new[] { "adagrad lr=0.1", "rmsprop lr=0.1", "adam lr=0.3", "adam lr=0.1" }));
    }

    [Test]
    public void Build_DivergedNaNGap_RanksLast()
    {
        var set = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 10, 1, RunStatus.Diverged, double.NaN, batch: 1),
            OutcomeRows.Row("batch", 0.1, 1, RunStatus.NotConverged, 1e2));

        var variants = Leaderboard.Build(set).Single().Entries.Select(e => e.Setting.Variant);

        Assert.That(variants, Is.EqualTo(new[] { "batch", "sgd" }));
    }

    [Test]
    public void Build_SmallRunSet_OneBoardPerProblemInPlanOrder_SeedsAggregated()
    {
        var set = TestRunSets.Small;

        var boards = Leaderboard.Build(set);

        Assert.Multiple(() =>
        {
            Assert.That(boards.Select(b => b.Problem.Label), Is.EqualTo(new[]
            {
                "beans1 n=30, origin, mse", "beans2 n=30, affine, mse", "beans3 n=30, logistic, mse", "beans5 n=40, logistic, mse",
            }));
            Assert.That(boards[0].Entries, Has.Count.EqualTo(7));
            Assert.That(boards[2].Entries, Has.Count.EqualTo(6), "closed_form does not run on logistic");
            Assert.That(boards.SelectMany(b => b.Entries).Sum(e => e.Runs), Is.EqualTo(set.Rows.Count));
            Assert.That(boards[0].Entries[0].Setting.Variant, Is.EqualTo("closed_form"));
            Assert.That(boards[0].Entries[^1].Setting.Label, Is.EqualTo("sgd lr=10"));
            Assert.That(boards[0].Entries[^1].Diverged, Is.EqualTo(2));
        });
    }
}
