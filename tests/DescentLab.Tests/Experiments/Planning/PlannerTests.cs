using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Planning;

public sealed class PlannerTests
{
    private static Dataset NoFiles(DatasetConfig config) => throw new AssertionException("no file datasets expected");

    private static ExperimentConfig Matrix() => TestConfigs.Create(
        datasets:
        [
            TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("origin"), TestConfigs.Model("affine")),
            TestConfigs.Recipe("beans3", 30, 1, TestConfigs.Model("logistic")),
        ],
        variants:
        [
            TestConfigs.Variant("closed_form"),
            TestConfigs.Variant("sgd", ("lr", [0.1, 0.01])),
            new VariantConfig("minibatch", [], [1, 5, null], false, VariantCatalog.Find("minibatch")!),
            TestConfigs.Variant("adam", ("lr", [0.1, 0.01]), ("beta1", [0.9, 0.5])),
        ],
        seeds: [1, 2]);

    [Test]
    public void Create_Matrix_CountsEveryCombinationAndSkipsClosedFormForLogistic()
    {
        var plan = Planner.Create(Matrix(), null, NoFiles);

        // beans1: 2 seeds × 2 models × (1 + 2 + 3 + 4) = 40; beans3: 2 seeds × 1 model × (2 + 3 + 4) = 18.
        Assert.That(plan.Runs, Has.Count.EqualTo(58));
        Assert.That(plan.TotalRuns, Is.EqualTo(58));
        Assert.That(plan.Runs.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 58)));
        Assert.That(plan.Notes, Is.EqualTo(new[] { "closed_form skipped for model logistic: it has no closed form." }));
        Assert.That(plan.Datasets.Select(d => d.Key), Is.EqualTo(new[] { "beans1-n20-s1", "beans1-n20-s2", "beans3-n30-s1", "beans3-n30-s2" }));
        Assert.That(plan.Problems, Has.Count.EqualTo(6));
    }

    [Test]
    public void Create_Matrix_GivesReadableStableRunIdsInPlanOrder()
    {
        var ids = Planner.Create(Matrix(), null, NoFiles).Runs.Select(r => r.RunId).ToList();

        Assert.That(ids.Take(10), Is.EqualTo(new[]
        {
            "beans1-n20_origin_closed_form_s1",
            "beans1-n20_origin_sgd_lr0.1_s1",
            "beans1-n20_origin_sgd_lr0.01_s1",
            "beans1-n20_origin_minibatch_b1_s1",
            "beans1-n20_origin_minibatch_b5_s1",
            "beans1-n20_origin_minibatch_s1",
            "beans1-n20_origin_adam_lr0.1_beta10.9_s1",
            "beans1-n20_origin_adam_lr0.1_beta10.5_s1",
            "beans1-n20_origin_adam_lr0.01_beta10.9_s1",
            "beans1-n20_origin_adam_lr0.01_beta10.5_s1",
        }));
        Assert.That(ids, Is.Unique);
        Assert.That(ids.All(id => id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')), Is.True);
    }

    [Test]
    public void Create_BatchSettings_ResolveToSampleCounts()
    {
        var runs = Planner.Create(Matrix(), null, NoFiles).Runs;

        Assert.That(runs.Single(r => r.RunId == "beans1-n20_origin_minibatch_b5_s1").Options.BatchSize, Is.EqualTo(5));
        Assert.That(runs.Single(r => r.RunId == "beans1-n20_origin_minibatch_s1").Options.BatchSize, Is.EqualTo(20));
        Assert.That(runs.Single(r => r.RunId == "beans1-n20_origin_sgd_lr0.1_s1").Options.BatchSize, Is.EqualTo(1));
        Assert.That(runs.Single(r => r.RunId == "beans1-n20_origin_closed_form_s1").Options.BatchSize, Is.EqualTo(20));
    }

    [Test]
    public void Create_Run_CarriesResolvedHyperParametersInitAndOptimum()
    {
        var run = Planner.Create(Matrix(), null, NoFiles).Runs.Single(r => r.RunId == "beans1-n20_affine_adam_lr0.01_beta10.5_s2");

        Assert.That(run.HyperParameters["lr"], Is.EqualTo(0.01));
        Assert.That(run.HyperParameters["beta1"], Is.EqualTo(0.5));
        Assert.That(run.HyperParameters["beta2"], Is.EqualTo(0.999));
        Assert.That(run.Options.InitialTheta, Is.EqualTo(new[] { 0.1, 0.0 }));
        Assert.That(run.Options.MaxEpochs, Is.EqualTo(20));
        Assert.That(run.Options.OptimumLoss, Is.EqualTo(run.Optimum.Loss));
        Assert.That(run.Optimum.Method, Is.EqualTo("closed_form"));
        Assert.That(run.Dataset.Data.Identity.Seed, Is.EqualTo(2UL));
    }

    [Test]
    public void Create_Shards_PartitionThePlanWithoutOverlap()
    {
        var config = Matrix();
        var whole = Planner.Create(config, null, NoFiles).Runs.Select(r => (r.Index, r.RunId)).ToList();

        var shards = Enumerable.Range(1, 3).Select(k => Planner.Create(config, new ShardSpec(k, 3), NoFiles)).ToList();
        var union = shards.SelectMany(p => p.Runs).Select(r => (r.Index, r.RunId)).OrderBy(r => r.Index).ToList();

        Assert.That(union, Is.EqualTo(whole));
        Assert.That(shards.Select(p => p.Runs.Count), Is.EqualTo(new[] { 20, 19, 19 }));
        Assert.That(shards.All(p => p.TotalRuns == whole.Count), Is.True);
    }

    [Test]
    public void Create_SameVariantTwice_PlansDuplicateRunsOnceWithANote()
    {
        var config = TestConfigs.Create([TestConfigs.Recipe("beans1", 10)], [TestConfigs.Variant("sgd"), TestConfigs.Variant("sgd")]);

        var plan = Planner.Create(config, null, NoFiles);

        Assert.That(plan.Runs.Select(r => r.RunId), Is.EqualTo(new[] { "beans1-n10_origin_sgd_s1" }));
        Assert.That(plan.Notes, Is.EqualTo(new[] { "Duplicate run beans1-n10_origin_sgd_s1 planned once." }));
    }

    [Test]
    public void Create_Mlp_RunIdCarriesTheHiddenSizeAndThetaStartsFromTheRunSeed()
    {
        var mlp = new ModelConfig("mlp", LossKind.Mse) { Hidden = 3 };
        var config = TestConfigs.Create([TestConfigs.Recipe("beans4", 100, 1, mlp, TestConfigs.Model("logistic"))], [TestConfigs.Variant("adam", ("lr", [0.1]))], seeds: [1, 2]);

        var plan = Planner.Create(config, null, NoFiles);

        var run = plan.Runs.Single(r => r.RunId == "beans4-n100_mlp-h3_adam_lr0.1_s1");
        var other = plan.Runs.Single(r => r.RunId == "beans4-n100_mlp-h3_adam_lr0.1_s2");
        Assert.Multiple(() =>
        {
            Assert.That(plan.Runs.Select(r => r.RunId), Does.Contain("beans4-n100_logistic_adam_lr0.1_s1"));
            Assert.That(run.Model.Name, Is.EqualTo("mlp-h3"));
            Assert.That(run.Options.InitialTheta, Is.EqualTo(run.Model.InitialTheta(config.Init, 1)));
            Assert.That(other.Options.InitialTheta, Is.Not.EqualTo(run.Options.InitialTheta));
            Assert.That(plan.Problems.Select(p => p.Model), Is.EqualTo(new[] { "mlp-h3", "logistic", "mlp-h3", "logistic" }));
            Assert.That(plan.Problems[0].OptimumParameters.Select(p => p.Key), Is.EqualTo(run.Model.ParameterNames));
        });
    }

    [Test]
    public void Create_ReferencesSolvedInParallel_GiveTheSamePlanBitForBit()
    {
        var mlp = new ModelConfig("mlp", LossKind.Mse) { Hidden = 3 };
        var config = TestConfigs.Create(
            [TestConfigs.Recipe("beans4", 60, 1, mlp, TestConfigs.Model("logistic")), TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("origin"))],
            [TestConfigs.Variant("closed_form"), TestConfigs.Variant("adam", ("lr", [0.1, 0.01]))],
            seeds: [1, 2, 3]);

        var one = Planner.Create(config, null, NoFiles, parallel: 1);
        var four = Planner.Create(config, null, NoFiles, parallel: 4);

        Assert.Multiple(() =>
        {
            Assert.That(four.Notes, Is.EqualTo(one.Notes));
            Assert.That(four.Problems.Select(p => (p.DatasetKey, p.Model, p.Kind, BitConverter.DoubleToInt64Bits(p.OptimumLoss))),
                Is.EqualTo(one.Problems.Select(p => (p.DatasetKey, p.Model, p.Kind, BitConverter.DoubleToInt64Bits(p.OptimumLoss)))));
            Assert.That(four.Runs.Select(r => (r.Index, r.RunId, BitConverter.DoubleToInt64Bits(r.Optimum.Loss), r.Options.TargetGap, r.Options.TargetLoss, r.Options.TargetAccuracy)),
                Is.EqualTo(one.Runs.Select(r => (r.Index, r.RunId, BitConverter.DoubleToInt64Bits(r.Optimum.Loss), r.Options.TargetGap, r.Options.TargetLoss, r.Options.TargetAccuracy))));
            Assert.That(one.Problems, Has.Count.EqualTo(9), "3 seeds × (mlp, logistic on beans4; origin on beans1)");
        });
    }

    [TestCase("1/1", 1, 1)]
    [TestCase("3/4", 3, 4)]
    public void ShardSpec_TryParse_AcceptsKOverN(string text, int k, int n)
    {
        var shard = ShardSpec.TryParse(text, out string error);

        Assert.That(shard, Is.EqualTo(new ShardSpec(k, n)));
        Assert.That(error, Is.Empty);
    }

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("-1/2")]
    public void ShardSpec_TryParse_RejectsMalformedText(string text)
    {
        var shard = ShardSpec.TryParse(text, out string error);

        Assert.That(shard, Is.Null);
        Assert.That(error, Is.EqualTo($"--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '{text}'"));
    }

    [Test]
    public void InitialTheta_TwoInputModel_FallsBackToWForW1AndW2()
    {
        var init = new Dictionary<string, double> { ["w"] = 0.25, ["b"] = -1, ["w2"] = 3 };

        var theta = CoreRuns.Model("logistic", 2).InitialTheta(init, 1);

        Assert.That(theta, Is.EqualTo(new[] { 0.25, 3.0, -1.0 }));
    }
}
