using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Tests.Experiments.Planning;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis.Tuning;

/// <summary>The trials of a tuned set: the choice reads the tuning seeds only, the ranking the evaluation seeds only.</summary>
public sealed class TrialResultsTests
{
    [Test]
    public void LuckyTuningSeeds_PickTheirTrial_ButOnlyTheHeldOutRunsAreRanked()
    {
        // sgd's trial 1 looks excellent on the tuning seeds (a lucky draw) and is poor on the held-out seeds; adam's
        // trial 0 is what it looks. Tuned by the tuning seeds sgd would lead; held out, adam does.
        SummaryRow[] rows =
        [
            .. Rows("sgd", 0.1, 0, TrialPhase.Tune, [1, 2, 3], 1e-3),
            .. Rows("sgd", 0.5, 1, TrialPhase.Tune, [1, 2, 3], 1e-9),
            .. Rows("adam", 0.1, 0, TrialPhase.Tune, [1, 2, 3], 1e-5),
            .. Rows("adam", 0.01, 1, TrialPhase.Tune, [1, 2, 3], 1e-4),
            .. Rows("sgd", 0.5, 1, TrialPhase.Eval, [4, 5], 1e-2),
            .. Rows("adam", 0.1, 0, TrialPhase.Eval, [4, 5], 1e-6),
        ];

        var best = TrialResults.BestTrials(rows);
        var board = Leaderboard.Build(rows).Single();
        // Whatever the held-out runs say, the choice stays: it never reads them.
        var bestWithOtherEval = TrialResults.BestTrials([.. rows.Select(r => r.Phase == TrialPhase.Eval ? r with { FinalGap = 0, FinalLoss = 0 } : r)]);

        Assert.Multiple(() =>
        {
            Assert.That(best, Is.EqualTo(new Dictionary<string, int> { ["beans1-n10_origin_sgd"] = 1, ["beans1-n10_origin_adam"] = 0 }));
            Assert.That(bestWithOtherEval, Is.EqualTo(best));
            Assert.That(board.Entries.Select(e => e.Setting.Label), Is.EqualTo(new[] { "adam lr=0.1", "sgd lr=0.5" }));
            Assert.That(board.Entries.Select(e => e.Runs), Is.EqualTo(new[] { 2, 2 }));
            Assert.That(board.Entries[0].Seeds.Select(r => r.Seed), Is.EqualTo(new ulong[] { 4, 5 }));
        });
    }

    [Test]
    public void From_SmallTunedConfig_OneResultPerTrial_AggregatedOverTheTuningSeeds()
    {
        var config = TunedPlanTests.Tuned();
        var plan = Planner.Create(config, null, _ => throw new AssertionException("no files"));
        var rows = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, 1, null, CancellationToken.None).Select(RunSetAssembler.ToRow).ToList();

        var results = TrialResults.From(rows, ResolvedConfig.From(config).Variants);

        var sgd = results.Where(r => r.Variant == "sgd" && r.Problem.Model == "origin").ToList();
        Assert.Multiple(() =>
        {
            // 2 problems × (sgd 4 + adam 4 + closed_form 1).
            Assert.That(results, Has.Count.EqualTo(18));
            Assert.That(sgd.Select(r => r.Trial), Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That(sgd.Select(r => r.Entry.Rank).Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(sgd.Select(r => r.Entry.Runs), Has.All.EqualTo(2));
            // A 4-point grid on a log range: positions at the cell centres.
            Assert.That(sgd.Select(r => r.Position["lr"]), Is.EqualTo(new[] { 0.125, 0.375, 0.625, 0.875 }).Within(1e-12));
            foreach (var trial in sgd)
            {
                var gaps = rows.Where(r => r.Variant == "sgd" && r.Model == "origin" && r.Trial == trial.Trial).Select(r => r.FinalGap).Order().ToList();
                Assert.That(trial.Entry.FinalGap, Is.EqualTo(Median(gaps)), $"trial {trial.Trial}");
            }

            Assert.That(results.Where(r => r.Variant == "closed_form").Select(r => r.Position), Has.All.Empty);
            Assert.That(results.Where(r => r.Variant == "adam").SelectMany(r => r.Position.Keys).Distinct(), Is.EqualTo(new[] { "lr", "beta1" }));
        });
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static IEnumerable<SummaryRow> Rows(string variant, double lr, int trial, string phase, ulong[] seeds, double gap) =>
        seeds.Select(seed => OutcomeRows.Row(variant, lr, seed, RunStatus.NotConverged, gap) with
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"beans1-n10_origin_{variant}_t{trial}{(phase == TrialPhase.Eval ? "_eval" : string.Empty)}_s{seed}"),
            Trial = trial,
            Phase = phase,
        });
}
