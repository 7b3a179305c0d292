using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class TrendAnalysisTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void From_GapSeries_LeaderAndSteppedSettingShown_FlatLoserLeftOut()
    {
        // Four nights on one problem: adam wins throughout, sgd stepped 1000× worse at the third commit, momentum stays flat behind.
        double[] sgd = [1e-6, 1e-6, 1e-3, 1e-3];
        var trend = new List<TrendPoint>();
        for (int night = 0; night < 4; night++)
        {
            string? commit = night == 0 ? null : $"c{night}abcdef0123";
            trend.Add(Point(night, commit, "beans1", "adam", 1e-9, null));
            trend.Add(Point(night, commit, "beans1", "sgd", sgd[night], null));
            trend.Add(Point(night, commit, "beans1", "momentum", 1e-4, null));
        }

        var analysis = TrendAnalysis.From(trend, 6);

        Assert.Multiple(() =>
        {
            Assert.That(analysis.RunSets.Select(r => r.Label), Is.EqualTo(new[] { "no git", "c1abcde", "c2abcde", "c3abcde" }));
            var problem = analysis.Problems.Single();
            Assert.That(problem.Metric, Is.EqualTo(TrendMetric.FinalGap), "no median reached the target");
            Assert.That(problem.Series.Select(s => (s.Setting, s.Leader)), Is.EqualTo(new[] { ("adam lr=0.1", true), ("sgd lr=0.1", false) }));
            Assert.That(problem.Series[0].Steps, Is.Empty);
            var step = problem.Series[1].Steps.Single();
            Assert.That(problem.Series[1].Points[step.Index].RunSet, Is.EqualTo(2));
            Assert.That(step.Before, Is.EqualTo(1e-6).Within(1e-18));
            Assert.That(step.After, Is.EqualTo(1e-3).Within(1e-15));
        });
    }

    [Test]
    public void From_EveryMedianReachedTarget_FollowsEpochs_AndDivergedPointsAreLeftOut()
    {
        var trend = new List<TrendPoint>
        {
            Point(0, "a", "beans2", "adam", 1e-9, 40),
            Point(1, "b", "beans2", "adam", 1e-9, 40),
            Point(2, "c", "beans2", "adam", 1e-9, 120),
            Point(0, "a", "beans3", "sgd", double.NaN, null),
            Point(1, "b", "beans3", "sgd", 1e-2, null),
            Point(2, "c", "beans3", "sgd", 1e-2, null),
        };

        var analysis = TrendAnalysis.From(trend, 6);

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Problems.Select(p => p.Metric), Is.EqualTo(new[] { TrendMetric.EpochsToTarget, TrendMetric.FinalGap }));
            var step = analysis.Problems[0].Series.Single().Steps.Single();
            Assert.That((step.Index, step.Before, step.After), Is.EqualTo((2, 40.0, 120.0)).Using<(int, double, double)>((x, y) =>
                x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9));
            Assert.That(analysis.Problems[1].Series.Single().Points.Select(p => p.RunSet), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public void From_ManySteppedSettings_BoundedToMaxSeries_MostRecentStepFirst()
    {
        var trend = new List<TrendPoint>();
        for (int night = 0; night < 8; night++)
        {
            trend.Add(Point(night, "x", "p", "adam", 1e-12, null));
            for (int s = 1; s <= 7; s++)
            {
                // Setting s steps 100× worse at night s.
                trend.Add(Point(night, "x", "p", "sgd", night < s ? 1e-6 : 1e-4, null, lr: s));
            }
        }

        var series = TrendAnalysis.From(trend, 4).Problems.Single().Series;

        Assert.That(series.Select(s => s.Setting), Is.EqualTo(new[] { "adam lr=0.1", "sgd lr=7", "sgd lr=6", "sgd lr=5" }));
    }

    [Test]
    public void From_LeaderIsTheFlaggedPoint_NotTheSmallestGap_AndAccuracyJudgedProblemsFollowAccuracy()
    {
        // line_search's gap -1e-18 is the smallest number, but the run set's leaderboard named closed_form (a rounding tie
        // broken by fewer epochs). On the accuracy-judged problem the leader's accuracy drops from 0.96 to 0.9.
        var trend = new List<TrendPoint>();
        for (int night = 0; night < 2; night++)
        {
            trend.Add(Point(night, "c0ffee0", "beans1", "line_search", -1e-18, null));
            trend.Add(Point(night, "c0ffee0", "beans1", "closed_form", 0, null) with { Leader = true });
            trend.Add(Point(night, "c0ffee0", "beans5", "sgd", 0.2, null) with { Leader = true, MedianAccuracy = night == 0 ? 0.96 : 0.9 });
        }

        var analysis = TrendAnalysis.From(trend, 6);

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Problems[0].Series.Single(s => s.Leader).Setting, Is.EqualTo("closed_form lr=0.1"));
            Assert.That(analysis.Problems[1].Metric, Is.EqualTo(TrendMetric.Accuracy));
            Assert.That(analysis.Problems[1].Series.Single().Points.Select(p => p.Value), Is.EqualTo(new[] { 0.96, 0.9 }));
            Assert.That(analysis.RunSets.Select(r => r.AxisLabel), Is.EqualTo(new[] { "2026-11-01\nc0ffee0", "2026-11-02\nc0ffee0" }), "same commit, two nights");
        });
    }

    [Test]
    public void From_OneRunSet_NoStep()
    {
        var analysis = TrendAnalysis.From([Point(0, null, "p", "adam", 1e-3, null)], 6);

        Assert.That(analysis.RunSets, Has.Count.EqualTo(1));
        Assert.That(analysis.Problems.Single().Series.Single().Steps, Is.Empty);
    }

    // Adam leads wherever it runs, as its run set's leaderboard said; elsewhere the only setting leads.
    private static TrendPoint Point(int night, string? commit, string problem, string variant, double gap, double? epochs, double lr = 0.1) =>
        new(night + 1, Night.AddDays(night), variant, gap, epochs)
        {
            Commit = commit,
            Problem = problem,
            Setting = FormattableString.Invariant($"{variant} lr={lr}"),
            Leader = variant == "adam" || problem == "beans3",
        };
}
