using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>The mlp's parameter layout, seeded start, reference solve and what it can fit that logistic cannot.</summary>
public sealed class MlpTests
{
    private static readonly Dictionary<string, double> NoInit = [];

    [Test]
    public void ParameterNames_AreUnitByUnitThenTheOutput()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CoreRuns.Model("mlp").ParameterNames, Is.EqualTo(new[] { "h1.w", "h1.b", "h2.w", "h2.b", "out.w1", "out.w2", "out.b" }));
            Assert.That(
                ModelCatalog.Find("mlp")!.Create(2, LossKind.Mse, 3).ParameterNames,
                Is.EqualTo(new[] { "h1.w1", "h1.w2", "h1.b", "h2.w1", "h2.w2", "h2.b", "h3.w1", "h3.w2", "h3.b", "out.w1", "out.w2", "out.w3", "out.b" }));
        });
    }

    [Test]
    public void Predict_IsTheSigmoidOfTheWeightedHiddenSigmoids()
    {
        double[] theta = [2.0, -1.0, -0.5, 0.3, 1.5, -2.0, 0.25];
        static double S(double z) => 1 / (1 + Math.Exp(-z));
        double expected = S(1.5 * S(2.0 * 0.7 - 1.0) - 2.0 * S(-0.5 * 0.7 + 0.3) + 0.25);

        Assert.That(CoreRuns.Model("mlp").Predict(theta, 0.7, 0), Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void Name_TellsHiddenSizesApart()
    {
        var definition = ModelCatalog.Find("mlp")!;

        Assert.Multiple(() =>
        {
            Assert.That(definition.Create(1, LossKind.Mse).Name, Is.EqualTo("mlp-h2"));
            Assert.That(definition.Create(1, LossKind.Mse, 3).Name, Is.EqualTo("mlp-h3"));
            Assert.That(ModelCatalog.FromKey("mlp-h3", 2, LossKind.CrossEntropy)!.ParameterNames, Has.Count.EqualTo(13));
            Assert.That(ModelCatalog.FromKey("logistic", 2, LossKind.CrossEntropy)!.Name, Is.EqualTo("logistic"));
            Assert.That(ModelCatalog.FromKey("mlp", 1, LossKind.Mse), Is.Null, "an mlp key always carries its size");
            Assert.That(ModelCatalog.FromKey("mlp-h33", 1, LossKind.Mse), Is.Null);
            Assert.That(ModelCatalog.FromKey("mlp-h03", 1, LossKind.Mse), Is.Null);
            Assert.That(ModelCatalog.FromKey("affine-h2", 1, LossKind.Mse), Is.Null);
            Assert.That(ModelCatalog.FromKey("affine", 2, LossKind.Mse), Is.Null);
            Assert.That(() => definition.Create(1, LossKind.Mse, 33), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => ModelCatalog.Find("affine")!.Create(1, LossKind.Mse, 2), Throws.ArgumentException);
        });
    }

    [Test]
    public void InitialTheta_IsSeededUniformDrawsInThetaOrder()
    {
        var model = CoreRuns.Model("mlp", 2);

        var theta = model.InitialTheta(NoInit, 5);

        // The documented stream: xoshiro256** seeded with seed ^ "MLPINIT!", one 2U - 1 per entry in θ order.
        var random = new Xoshiro256StarStar(5UL ^ 0x4D4C50494E495421UL);
        var expected = theta.Select(_ => 2 * random.NextUniform() - 1).ToArray();
        Assert.That(Bits.Of(theta), Is.EqualTo(Bits.Of(expected)));
        Assert.That(theta, Is.All.InRange(-1.0, 1.0));
    }

    [Test]
    public void InitialTheta_SameSeedSame_OtherSeedOrUnitDiffers()
    {
        var model = CoreRuns.Model("mlp", 1);

        var a = model.InitialTheta(NoInit, 1);
        var b = model.InitialTheta(NoInit, 1);
        var c = model.InitialTheta(NoInit, 2);

        Assert.Multiple(() =>
        {
            Assert.That(Bits.Of(b), Is.EqualTo(Bits.Of(a)));
            Assert.That(c, Is.Not.EqualTo(a));
            Assert.That(a.Distinct().Count(), Is.EqualTo(a.Length), "no two entries alike, so the hidden units start apart");
            Assert.That((a[0], a[1]), Is.Not.EqualTo((a[2], a[3])));
        });
    }

    [Test]
    public void InitialTheta_NamedValuesWin_OthersKeepTheirDraws()
    {
        var model = CoreRuns.Model("mlp", 1);
        var init = new Dictionary<string, double> { ["w"] = 0.1, ["b"] = 0.0, ["h2.w"] = 4.0, ["out.b"] = -1.0 };

        var drawn = model.InitialTheta(NoInit, 3);
        var named = model.InitialTheta(init, 3);

        Assert.That(named, Is.EqualTo(new[] { drawn[0], drawn[1], 4.0, drawn[3], drawn[4], drawn[5], -1.0 }));
    }

    [Test]
    public void InitialTheta_OtherModels_KeepTheCoursesRule()
    {
        var init = new Dictionary<string, double> { ["w"] = 0.1, ["b"] = 0.0 };

        Assert.Multiple(() =>
        {
            Assert.That(CoreRuns.Model("origin").InitialTheta(init, 9), Is.EqualTo(new[] { 0.1 }));
            Assert.That(CoreRuns.Model("affine").InitialTheta(init, 9), Is.EqualTo(new[] { 0.1, 0.0 }));
            Assert.That(CoreRuns.Model("logistic", 2).InitialTheta(init, 9), Is.EqualTo(new[] { 0.1, 0.1, 0.0 }));
            Assert.That(CoreRuns.Model("logistic", 2).InitialTheta(NoInit, 9), Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
        });
    }

    [Test]
    public void SolveReference_IsDeterministicAndStartsAsymmetric()
    {
        var data = RecipeCatalog.Find("beans4")!.Generate(100, 1);
        var model = CoreRuns.Model("mlp");

        var first = model.SolveReference(data);
        var second = CoreRuns.Model("mlp").SolveReference(data);

        Assert.Multiple(() =>
        {
            Assert.That(Bits.Of(second.Theta), Is.EqualTo(Bits.Of(first.Theta)));
            Assert.That(first.Method, Is.EqualTo("multistart"));
            Assert.That((first.Theta[0], first.Theta[1]), Is.Not.EqualTo((first.Theta[2], first.Theta[3])), "the two units did not merge");
            // Two hidden units can carve the band, so the loss runs down to 0 as the weights sharpen: an infimum of 0.
            Assert.That(first.Kind, Is.EqualTo(ReferenceKind.Infimum));
            Assert.That(first.Loss, Is.EqualTo(0.0));
            Assert.That(first.Attained, Is.False);
        });
    }

    [TestCase(LossKind.Mse)]
    [TestCase(LossKind.CrossEntropy)]
    public void Adam_OnTheBand_FitsFarBelowLogisticsOptimum(LossKind loss)
    {
        // beans4 is a band (y = 1 inside, 0 on both sides): one sigmoid can only split it once; two hidden units suffice.
        var data = RecipeCatalog.Find("beans4")!.Generate(100, 1);
        var logistic = CoreRuns.Model("logistic", 1, loss).SolveReference(data);
        var mlp = ModelCatalog.Find("mlp")!.Create(1, loss, 3);
        var options = CoreRuns.Options(mlp.ParameterNames.Count, 10, 300, init: mlp.InitialTheta(NoInit, 1));

        var result = CoreRuns.Train("adam", mlp, data, options, 0.1);

        TestContext.Out.WriteLine($"{loss}: logistic L* = {logistic.Loss:R}, mlp-h3 adam final loss = {result.FinalLoss:R}");
        Assert.That(result.FinalLoss, Is.LessThan(logistic.Loss / 4));
    }
}
