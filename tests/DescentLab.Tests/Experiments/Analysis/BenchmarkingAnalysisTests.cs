using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

/// <summary>Performance profile, runtime ECDF and ERT on hand-made run sets whose answers are worked out in the comments.</summary>
public sealed class BenchmarkingAnalysisTests
{
    private const RunStatus Ok = RunStatus.Converged;
    private const RunStatus No = RunStatus.NotConverged;

    [Test]
    public void Profile_TiesUnsolvedAndSkippedProblems_AllProblemsInTheDenominator()
    {
        // Costs (grad evals = 10 × epochs): beans1: a 100, b 100 (tie), c 400; beans2: a 300, b unsolved, c 100;
        // beans3: nobody; beans4: only a ran (200). Ratios: a {1, 3, 1}, b {1}, c {4, 1}; denominator 4 for all.
        var set = OutcomeRows.Set(
            OutcomeRows.Row("a", 0.1, 1, Ok, 0, 10, dataset: "beans1"),
            OutcomeRows.Row("b", 0.1, 1, Ok, 0, 10, dataset: "beans1"),
            OutcomeRows.Row("c", 0.1, 1, Ok, 0, 40, dataset: "beans1"),
            OutcomeRows.Row("a", 0.1, 1, Ok, 0, 30, dataset: "beans2"),
            OutcomeRows.Row("b", 0.1, 1, No, 1, dataset: "beans2"),
            OutcomeRows.Row("c", 0.1, 1, Ok, 0, 10, dataset: "beans2"),
            OutcomeRows.Row("a", 0.1, 1, No, 1, dataset: "beans3"),
            OutcomeRows.Row("b", 0.1, 1, No, 1, dataset: "beans3"),
            OutcomeRows.Row("a", 0.1, 1, Ok, 0, 20, dataset: "beans4"));

        var profile = PerformanceProfile.From(set);
        var byVariant = profile.Curves.ToDictionary(c => c.Setting.Variant);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Problems, Has.Count.EqualTo(4));
            Assert.That(byVariant["a"].Ratios, Is.EqualTo(new[] { 1.0, 1.0, 3.0 }));
            Assert.That(byVariant["b"].Ratios, Is.EqualTo(new[] { 1.0 }));
            Assert.That(byVariant["c"].Ratios, Is.EqualTo(new[] { 1.0, 4.0 }));
            Assert.That(byVariant["a"].ShareBest, Is.EqualTo(0.5));
            Assert.That(byVariant["b"].ShareBest, Is.EqualTo(0.25), "a tie counts as best for both");
            Assert.That(byVariant["c"].ShareAt(3.9), Is.EqualTo(0.25));
            Assert.That(byVariant["c"].ShareAt(4), Is.EqualTo(0.5));
            Assert.That(byVariant["a"].ShareSolved, Is.EqualTo(0.75), "beans3 unsolved by all stays in the denominator");
        });
    }

    [Test]
    public void Profile_OneProblem_BestIsOne_OthersTheirRatio()
    {
        var profile = PerformanceProfile.From(OutcomeRows.Set(
            OutcomeRows.Row("a", 0.1, 1, Ok, 0, 5),
            OutcomeRows.Row("b", 0.1, 1, Ok, 0, 20)));

        Assert.That(profile.Curves.Select(c => c.Ratios.Single()), Is.EqualTo(new[] { 1.0, 4.0 }));
    }

    [Test]
    public void Ecdf_LadderOfTargets_RuntimesFromTheCurves_SkippedProblemsCountAsUnsolved()
    {
        // n = 10, full batch: row i is epoch i, 10·i evaluations. Run a (beans1) gaps 1, 0.05, 0.002, 0.002:
        // targets 1e-1 at epoch 1 (10), 1e-2 at epoch 2 (20), 1e-3 never. Run b (beans1) gaps 1, 1e-4: all three at 10.
        // Run a on beans2 gaps 1, 1: none. b skipped beans2. Trials: 2 problems × 1 seed × 3 targets = 6 per setting.
        var rows = new[]
        {
            OutcomeRows.Row("a", 0.1, 1, No, 0.002, dataset: "beans1"),
            OutcomeRows.Row("b", 0.1, 1, Ok, 1e-4, 1, dataset: "beans1"),
            OutcomeRows.Row("a", 0.1, 1, No, 1, dataset: "beans2"),
        };
        var set = OutcomeRows.Set(rows) with
        {
            Curves = new CurveMap(new Dictionary<string, Curve>
            {
                [rows[0].RunId] = Curve(1, 0.05, 0.002, 0.002),
                [rows[1].RunId] = Curve(1, 1e-4),
                [rows[2].RunId] = Curve(1, 1),
            }),
        };

        var ecdf = RuntimeEcdf.From(set, [1e-1, 1e-2, 1e-3]);

        Assert.Multiple(() =>
        {
            Assert.That(ecdf.Trials, Is.EqualTo(6));
            Assert.That(ecdf.Curves[0].Runtimes, Is.EqualTo(new long[] { 10, 20 }));
            Assert.That(ecdf.Curves[1].Runtimes, Is.EqualTo(new long[] { 10, 10, 10 }));
            Assert.That(ecdf.Curves[0].ShareWithin(15), Is.EqualTo(1.0 / 6));
            Assert.That(ecdf.Curves[1].ShareSolved, Is.EqualTo(0.5), "b never ran beans2: those trials are unsolved");
        });
    }

    // n = 10: full batch (one update per epoch), sgd (ten), batch 3 (four updates: 3, 3, 3 and a short 1).
    [TestCase(1, 1L, 10, 10, 10L)]
    [TestCase(1, 10L, 10, 1, 10L)]
    [TestCase(2, 7L, 10, 3, 19L)]
    [TestCase(2, 8L, 10, 3, 20L)]
    [TestCase(0, 0L, 10, 3, 0L)]
    public void GradEvals_FullEpochsThenBatchesOfTheCurrentEpoch(int epoch, long step, int n, int batch, long expected) =>
        Assert.That(GradEvals.At(epoch, step, n, batch), Is.EqualTo(expected));

    [Test]
    public void Ert_SpentOverSuccesses_BootstrapIntervalSeededAndContainsIt()
    {
        // Grad evals: seeds 1, 2 reach the target at 100 and 300; seed 3 spends 1000 without. ERT = 1400 / 2 = 700.
        var runs = new[]
        {
            OutcomeRows.Row("a", 0.1, 1, Ok, 0, 10),
            OutcomeRows.Row("a", 0.1, 2, Ok, 0, 30),
            OutcomeRows.Row("a", 0.1, 3, No, 1),
        };

        var ert = ExpectedRunningTime.Of(runs);
        var again = ExpectedRunningTime.Of(runs);
        var none = ExpectedRunningTime.Of([runs[2]]);

        Assert.Multiple(() =>
        {
            Assert.That(ert.Ert, Is.EqualTo(700));
            Assert.That((ert.Successes, ert.Runs), Is.EqualTo((2, 3)));
            Assert.That(ert.Low, Is.LessThanOrEqualTo(ert.Ert));
            Assert.That(ert.Low, Is.GreaterThanOrEqualTo(100), "the cheapest resample: seed 1 three times");
            Assert.That(ert.High, Is.EqualTo(double.PositiveInfinity), "some resamples hold only seed 3");
            Assert.That(again, Is.EqualTo(ert));
            Assert.That(none.Ert, Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void Tuned_EachVariantAtItsBestSetting_RankedAmongVariants()
    {
        // beans1 leaderboard: sgd 0.1 (5 epochs), batch 0.5 (8), sgd 0.01 (9), batch 0.1 (never). beans2: only batch.
        var boards = Leaderboard.Build(OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.01, 1, Ok, 0, 9, batch: 1),
            OutcomeRows.Row("sgd", 0.1, 1, Ok, 0, 5, batch: 1),
            OutcomeRows.Row("batch", 0.1, 1, No, 1),
            OutcomeRows.Row("batch", 0.5, 1, Ok, 0, 8),
            OutcomeRows.Row("batch", 0.5, 1, Ok, 0, 8, dataset: "beans2")));

        var tuned = TunedLeaderboard.From(boards);
        var beans1 = tuned.Best[tuned.Problems[0]];
        var beans2 = tuned.Best[tuned.Problems[1]];

        Assert.Multiple(() =>
        {
            Assert.That(tuned.Variants, Is.EqualTo(new[] { "sgd", "batch" }));
            Assert.That((beans1["sgd"].Rank, beans1["sgd"].Entry.Setting.Lr), Is.EqualTo((1, (double?)0.1)));
            Assert.That((beans1["batch"].Rank, beans1["batch"].Entry.Setting.Lr), Is.EqualTo((2, (double?)0.5)));
            Assert.That(beans2.ContainsKey("sgd"), Is.False);
            Assert.That(beans2["batch"].Rank, Is.EqualTo(1));
        });
    }

    private static Curve Curve(params double[] gaps)
    {
        int count = gaps.Length;
        var epochs = Enumerable.Range(0, count).ToArray();
        return new Curve(["w"], epochs, epochs.Select(e => (long)e).ToArray(), gaps, gaps, new double[count], new double[count]);
    }
}
