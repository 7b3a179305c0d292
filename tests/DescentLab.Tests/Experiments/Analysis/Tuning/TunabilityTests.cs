using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Tests.Support;
using NUnit.Framework;
using static DescentLab.Tests.Support.MadeTrials;

namespace DescentLab.Tests.Experiments.Analysis.Tuning;

/// <summary>Tunability (converged share of a search space, the best trial, its range edges) and the expected-best curves
/// computed from trials.</summary>
public sealed class TunabilityTests
{
    private static readonly TrialResult[] Trials =
    [
        Trial("adam", 0, 1e-3, 0.25, [1e-3, 2e-3]),
        Trial("adam", 1, 0.5, 0.95, [1e-9, 1e-9], epochs: 40),
        Trial("adam", 2, 1e-2, 0.5, [1e-9, 1e-5], epochs: 80),
        Trial("sgd", 0, 0.1, 0.6, [double.NaN, double.NaN]),
        Trial("sgd", 1, 1e-3, 0.05, [1e-4, 3e-4]),
    ];

    [Test]
    public void From_Trials_CountsConvergedTrialsAndRuns_PicksTheBestByTheLeaderRule()
    {
        var rows = VariantTunability.From(Trials);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Variant), Is.EqualTo(new[] { "adam", "sgd" }));
            // adam: trials 1 and 2 converged on both seeds, trial 0 on neither: 2 of 3 trials, 4 of 6 runs.
            Assert.That((rows[0].Trials, rows[0].ConvergedTrials, rows[0].Runs, rows[0].ConvergedRuns), Is.EqualTo((3, 2, 6, 4)));
            Assert.That(rows[0].Best.Trial, Is.EqualTo(1), "40 epochs to target beats 80");
            Assert.That(rows[0].Edges.Single(), Is.EqualTo(new RangeEdge("lr", 0.95, RangeSide.High)));
            Assert.That((rows[1].ConvergedTrials, rows[1].ConvergedRuns, rows[1].Best.Trial), Is.EqualTo((0, 0, 1)));
            Assert.That(rows[1].Edges.Single().Widen, Is.EqualTo(RangeSide.Low));
        });
    }

    [Test]
    public void BudgetCurves_DivergedTrial_CountsAsTheProblemsWorstFinishedTrial()
    {
        var curves = BudgetCurve.From(Trials);
        var sgd = curves.Single(c => c.Variant == "sgd");
        var adam = curves.Single(c => c.Variant == "adam");

        Assert.Multiple(() =>
        {
            // The worst finite median gap over both variants is adam's trial 0: (1e-3 + 2e-3) / 2.
            Assert.That(sgd.Scores, Is.EqualTo(new[] { 1.5e-3, 2e-4 }).Within(1e-18));
            Assert.That((sgd.NotFinite, sgd.Trials, adam.NotFinite), Is.EqualTo((1, 2, 0)));
            // adam's median gaps 1.5e-3, 1e-9, 5.00005e-6; k = 1 is their mean.
            Assert.That(adam.Mean[0], Is.EqualTo((1.5e-3 + 1e-9 + ((1e-9 + 1e-5) / 2)) / 3).Within(1e-18));
            Assert.That(adam.HigherIsBetter, Is.False);
        });
    }

    [Test]
    public void BudgetCurves_ClassificationWithAnInfimum_ScoreIsTheMedianAccuracy_HigherIsBetter()
    {
        TrialResult Accuracy(int trial, double a1, double a2) => Of(
            "adam",
            trial,
            [InfimumRuns.Row("adam", 1, 0.1, a1) with { Lr = trial }, InfimumRuns.Row("adam", 2, 0.1, a2) with { Lr = trial }],
            new Dictionary<string, double> { ["lr"] = 0.5 });
        var curve = BudgetCurve.From([Accuracy(0, 0.8, 0.9), Accuracy(1, 0.6, 0.7)]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(curve.Scores, Is.EqualTo(new[] { 0.85, 0.65 }).Within(1e-15));
            Assert.That(curve.HigherIsBetter, Is.True);
            // Best of 2 draws: 0.85 unless both draws are trial 1 (probability 1/4).
            Assert.That(curve.Mean[1], Is.EqualTo((0.75 * 0.85) + (0.25 * 0.65)).Within(1e-15));
            Assert.That(TrialScore.Name(DescentLab.Experiments.Analysis.ProblemJudgment.Of([InfimumRuns.Row("adam", 1, 0.1, 0.5)])), Is.EqualTo("median accuracy"));
        });
    }

    [Test]
    public void Band_IsOneSdAroundTheMean_ClippedToTheTrialsRange()
    {
        var curve = BudgetCurve.From([Trial("adam", 0, 0.1, 0.1, [1.0]), Trial("adam", 1, 0.2, 0.2, [3.0])]).Single();
        var (low, high) = curve.Band(1);

        // k = 1: mean 2, sd 1, so the band [1, 3] is exactly the trials' range. k = 2: the best is 3 only when both draws
        // are (1/4): mean 0.25·3 + 0.75·1 = 1.5, variance 0.25·1.5² + 0.75·0.5² = 0.75, so [1.5 − 0.866, 1.5 + 0.866] → [1, 2.366].
        Assert.Multiple(() =>
        {
            Assert.That((low, high), Is.EqualTo((1.0, 3.0)));
            Assert.That(curve.Band(2).Low, Is.EqualTo(1.0));
            Assert.That(curve.Band(2).High, Is.EqualTo(1.5 + Math.Sqrt(0.75)).Within(1e-15));
        });
    }
}
