using DescentLab.Core.Datasets;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Planning;

/// <summary>The matrix of a tuned config: every variant its budget of trials on the tuning seeds, room for the evaluation
/// runs, and shards that take whole groups.</summary>
public sealed class TunedPlanTests
{
    private static Dataset NoFiles(DatasetConfig config) => throw new AssertionException("no file datasets expected");

    /// <summary>beans1 (origin, affine) × sgd (lr over a log grid), adam (its default space) and closed_form (nothing to tune).</summary>
    internal static ExperimentConfig Tuned(SamplerKind sampler = SamplerKind.Grid, int trials = 4) => TestConfigs.Create(
        datasets: [TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("origin"), TestConfigs.Model("affine"))],
        variants:
        [
            TestConfigs.Variant("sgd") with { Space = [new SearchDimension("lr", SearchRange.LogUniform(1e-3, 1))] },
            TestConfigs.Variant("adam") with { Space = VariantCatalog.Find("adam")!.Space },
            TestConfigs.Variant("closed_form") with { Space = [] },
        ],
        seeds: [1, 2],
        maxEpochs: 5) with
    { Tune = new TuneConfig(trials, sampler, 1, [1, 2], [3, 4, 5]) };

    [Test]
    public void Create_Tuned_EachVariantItsBudgetOnTheTuningSeeds_RoomForEvaluation()
    {
        var plan = Planner.Create(Tuned(), null, NoFiles);

        // Per model: sgd and adam 4 trials × 2 seeds, closed_form 1 trial × 2 seeds; each group then 3 evaluation slots.
        Assert.Multiple(() =>
        {
            Assert.That(plan.Runs, Has.Count.EqualTo(2 * (8 + 8 + 2)));
            Assert.That(plan.TotalRuns, Is.EqualTo(2 * (8 + 8 + 2 + (3 * 3))));
            Assert.That(plan.Runs.Select(r => r.Phase).Distinct(), Is.EqualTo(new[] { TrialPhase.Tune }));
            Assert.That(plan.Runs.Select(r => r.Seed).Distinct(), Is.EqualTo(new ulong[] { 1, 2 }));
            Assert.That(plan.Runs.Where(r => r.Variant.Name == "sgd" && r.Model.Name == "origin").Select(r => r.Trial), Is.EqualTo(new int?[] { 0, 0, 1, 1, 2, 2, 3, 3 }));
            Assert.That(plan.Runs.Take(3).Select(r => r.RunId), Is.EqualTo(new[] { "beans1-n20_origin_sgd_t0_s1", "beans1-n20_origin_sgd_t0_s2", "beans1-n20_origin_sgd_t1_s1" }));
            // The grid's cell centres on the log scale: 10^(-3 + 3·(j + 0.5)/4).
            Assert.That(
                plan.Runs.Where(r => r.Variant.Name == "sgd" && r.Model.Name == "origin" && r.Seed == 1).Select(r => r.HyperParameters["lr"]),
                Is.EqualTo(new[] { -2.625, -1.875, -1.125, -0.375 }.Select(e => Math.Pow(10, e))).Within(1e-12));
            Assert.That(plan.Tuning!.Groups.Select(g => g.Key), Is.EqualTo(new[]
            {
                "beans1-n20_origin_sgd", "beans1-n20_origin_adam", "beans1-n20_origin_closed_form",
                "beans1-n20_affine_sgd", "beans1-n20_affine_adam", "beans1-n20_affine_closed_form",
            }));
        });
    }

    [Test]
    public void Create_TunedShards_TakeWholeGroups_AndTogetherTheWholePlan()
    {
        var whole = Planner.Create(Tuned(), null, NoFiles);
        var shards = Enumerable.Range(1, 4).Select(k => Planner.Create(Tuned(), new ShardSpec(k, 4), NoFiles)).ToList();

        var groupsOfShards = shards.Select(s => s.Runs.Select(r => RunIds.TrialGroup(r.RunId)).Distinct().ToList()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shards.SelectMany(s => s.Runs).Select(r => r.RunId).Order(), Is.EqualTo(whole.Runs.Select(r => r.RunId).Order()));
            Assert.That(groupsOfShards.SelectMany(g => g).Count(), Is.EqualTo(6), "no group is split over shards");
            Assert.That(groupsOfShards[0], Is.EqualTo(new[] { "beans1-n20_origin_sgd", "beans1-n20_affine_adam" }));
        });
    }

    [Test]
    public void CreateEval_ChosenTrialOnTheEvaluationSeeds_FillsTheReservedIndices()
    {
        var plan = Planner.Create(Tuned(), null, NoFiles);
        var chosen = plan.Tuning!.Groups.ToDictionary(g => g.Group, g => g.Trials.Count - 1);

        var evaluation = Planner.CreateEval(plan, chosen, NoFiles);
        var combined = Planner.Combine(plan, evaluation);

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Runs, Has.Count.EqualTo(6 * 3));
            Assert.That(evaluation.Runs.Select(r => r.Phase).Distinct(), Is.EqualTo(new[] { TrialPhase.Eval }));
            Assert.That(evaluation.Runs.Select(r => r.Seed).Distinct(), Is.EqualTo(new ulong[] { 3, 4, 5 }));
            Assert.That(evaluation.Runs[0].RunId, Is.EqualTo("beans1-n20_origin_sgd_t3_eval_s3"));
            Assert.That(evaluation.Runs[0].HyperParameters["lr"], Is.EqualTo(plan.Runs.Single(r => r.RunId == "beans1-n20_origin_sgd_t3_s1").HyperParameters["lr"]));
            Assert.That(combined.Runs.Select(r => r.Index).Order(), Is.EqualTo(Enumerable.Range(0, plan.TotalRuns)), "every reserved index filled");
            Assert.That(combined.Runs.Select(r => r.Phase), Is.EqualTo(plan.Runs.Select(r => r.Phase).Concat(evaluation.Runs.Select(r => r.Phase))), "every trial, then every evaluation run");
            Assert.That(combined.Datasets.Select(d => d.Key), Is.EqualTo(new[] { "beans1-n20-s1", "beans1-n20-s2", "beans1-n20-s3", "beans1-n20-s4", "beans1-n20-s5" }));
        });
    }

    [Test]
    public void Create_QuasiRandom_SameSettingsForEveryVariantOfTheSameDimension()
    {
        var plan = Planner.Create(Tuned(SamplerKind.QuasiRandom, 8), null, NoFiles);

        var origin = plan.Runs.Where(r => r.Variant.Name == "sgd" && r.Model.Name == "origin" && r.Seed == 1).Select(r => r.HyperParameters["lr"]).ToList();
        var affine = plan.Runs.Where(r => r.Variant.Name == "sgd" && r.Model.Name == "affine" && r.Seed == 1).Select(r => r.HyperParameters["lr"]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(origin, Has.Count.EqualTo(8).And.All.InRange(1e-3, 1.0));
            Assert.That(affine, Is.EqualTo(origin));
            // Stratified: 8 points of the base-2 dimension, one in each eighth of the log range.
            Assert.That(origin.Select(lr => (int)Math.Floor((Math.Log10(lr) + 3) / 3 * 8)).Order(), Is.EqualTo(Enumerable.Range(0, 8)));
        });
    }
    [Test]
    public void ShippedTunedConfig_SixteenTrialsPerVariantOnThreeSeeds_ClosedFormOne()
    {
        var config = ConfigLoader.Load(RepoFiles.Config("tuned.yaml"), ConfigLimits.Default).Config!;

        var plan = Planner.Create(config, null, NoFiles);

        var trialsPerGroup = plan.Tuning!.Groups.ToDictionary(g => g.Key, g => g.Trials.Count);
        Assert.Multiple(() =>
        {
            Assert.That(trialsPerGroup.Where(g => !g.Key.EndsWith("closed_form", StringComparison.Ordinal)).Select(g => g.Value), Has.All.EqualTo(16));
            Assert.That(trialsPerGroup.Where(g => g.Key.EndsWith("closed_form", StringComparison.Ordinal)).Select(g => g.Value), Has.All.EqualTo(1));
            Assert.That(plan.Runs.Select(r => r.Seed).Distinct(), Is.EqualTo(new ulong[] { 1, 2, 3 }));
            // As docs/tuning.md counts them: 5 problems × 10 tuned variants × (16 × 3 + 5) + 3 closed_form problems × (3 + 5).
            Assert.That(plan.TotalRuns, Is.EqualTo(2674));
        });
    }
}
