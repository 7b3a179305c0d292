using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>The variants' equivalences (README, "Datasets, models and variants") and determinism, bit for bit, on whole curves (beans1..4, n = 100).</summary>
public sealed class EquivalenceTests
{
    private const int N = 100;

    public static IEnumerable<TestCaseData> Problems() =>
    [
        new TestCaseData("beans1", "origin").SetArgDisplayNames("beans1", "origin"),
        new TestCaseData("beans2", "affine").SetArgDisplayNames("beans2", "affine"),
        new TestCaseData("beans3", "logistic").SetArgDisplayNames("beans3", "logistic"),
        new TestCaseData("beans4", "mlp").SetArgDisplayNames("beans4", "mlp"),
    ];

    [TestCaseSource(nameof(Problems))]
    public void Sgd_EqualsMinibatchOfOne(string recipe, string model)
    {
        var (data, handle) = Problem(recipe, model);

        var sgd = CoreRuns.Train("sgd", handle, data, Options(handle, 1, 20), 0.05);
        var minibatch = CoreRuns.Train("minibatch", handle, data, Options(handle, 1, 20), 0.05);

        AssertSameCurve(sgd.Curve, minibatch.Curve);
    }

    [TestCaseSource(nameof(Problems))]
    public void SgdFastEpoch_EqualsPerStepLoop_AtEveryEpochEnd(string recipe, string model)
    {
        // Epoch recording takes IModel.SgdEpoch; step recording takes the general LossGradient + rule loop.
        var (data, handle) = Problem(recipe, model);

        var epochs = CoreRuns.Train("sgd", handle, data, Options(handle, 1, 5), 0.05).Curve;
        var steps = CoreRuns.Train("sgd", handle, data, Options(handle, 1, 5) with { Record = RecordMode.Step }, 0.05).Curve;

        Assert.That(steps.Count, Is.EqualTo(1 + 5 * N));
        for (int epoch = 0; epoch <= 5; epoch++)
        {
            int row = epoch * N;
            Assert.Multiple(() =>
            {
                Assert.That(Bits.Of(steps.ParametersAt(row).ToArray()), Is.EqualTo(Bits.Of(epochs.ParametersAt(epoch).ToArray())));
                Assert.That(BitConverter.DoubleToInt64Bits(steps.Loss[row]), Is.EqualTo(BitConverter.DoubleToInt64Bits(epochs.Loss[epoch])));
                Assert.That(steps.Step[row], Is.EqualTo(epochs.Step[epoch]));
                Assert.That(steps.Epoch[row], Is.EqualTo(epochs.Epoch[epoch]));
            });
        }
    }

    [TestCaseSource(nameof(Problems))]
    public void Batch_EqualsMinibatchOfN(string recipe, string model)
    {
        var (data, handle) = Problem(recipe, model);

        var batch = CoreRuns.Train("batch", handle, data, Options(handle, N, 50), 0.3);
        var minibatch = CoreRuns.Train("minibatch", handle, data, Options(handle, N, 50), 0.3);

        AssertSameCurve(batch.Curve, minibatch.Curve);
    }

    [TestCaseSource(nameof(Problems))]
    public void Rosenblatt_EqualsSgdAtHalfTheRate(string recipe, string model)
    {
        var (data, handle) = Problem(recipe, model);

        var rosenblatt = CoreRuns.Train("rosenblatt", handle, data, Options(handle, 1, 20), 0.2);
        var sgd = CoreRuns.Train("sgd", handle, data, Options(handle, 1, 20), 0.1);

        AssertSameCurve(rosenblatt.Curve, sgd.Curve);
    }

    [TestCaseSource(nameof(Problems))]
    public void SameSeed_GivesIdenticalCurves(string recipe, string model)
    {
        foreach (string variant in new[] { "sgd", "minibatch", "adam", "line_search" })
        {
            int batch = variant == "sgd" ? 1 : 10;
            var (data1, handle1) = Problem(recipe, model);
            var (data2, handle2) = Problem(recipe, model);

            var a = CoreRuns.Train(variant, handle1, data1, Options(handle1, batch, 10));
            var b = CoreRuns.Train(variant, handle2, data2, Options(handle2, batch, 10));

            AssertSameCurve(a.Curve, b.Curve);
        }
    }

    [TestCaseSource(nameof(Problems))]
    public void Shuffle_SameSeedIdentical_DifferentSeedDiffers(string recipe, string model)
    {
        var (data, handle) = Problem(recipe, model);
        var seven = Options(handle, 1, 10) with { Shuffle = true, ShuffleSeed = 7 };

        var a = CoreRuns.Train("sgd", handle, data, seven, 0.05);
        var b = CoreRuns.Train("sgd", handle, data, seven, 0.05);
        var c = CoreRuns.Train("sgd", handle, data, seven with { ShuffleSeed = 8 }, 0.05);
        var unshuffled = CoreRuns.Train("sgd", handle, data, seven with { Shuffle = false }, 0.05);

        AssertSameCurve(a.Curve, b.Curve);
        Assert.Multiple(() =>
        {
            Assert.That(Bits.Of(c.Curve.Parameters), Is.Not.EqualTo(Bits.Of(a.Curve.Parameters)));
            Assert.That(Bits.Of(unshuffled.Curve.Parameters), Is.Not.EqualTo(Bits.Of(a.Curve.Parameters)));
            Assert.That(a.Curve.Loss[0], Is.EqualTo(unshuffled.Curve.Loss[0]), "row 0 is the initial state, before any shuffle");
        });
    }

    [Test]
    public void Shuffle_FullBatch_DoesNotChangeTheGradientsMuch()
    {
        // Reordering a full batch changes only the summation order: the curve agrees to rounding, a check that the
        // shuffled copy holds the same samples (x with its own y).
        var (data, handle) = Problem("beans2", "affine");
        var plain = CoreRuns.Train("batch", handle, data, Options(handle, N, 30), 0.3);
        var shuffled = CoreRuns.Train("batch", handle, data, Options(handle, N, 30) with { Shuffle = true, ShuffleSeed = 3 }, 0.3);

        Assert.That(shuffled.Curve.Parameters, Is.EqualTo(plain.Curve.Parameters).Within(1e-12));
    }

    [Test]
    public void Shuffler_Reshuffle_IsSeededFisherYatesOverWholeSamples()
    {
        var source = new Samples([10.0, 11.0, 12.0, 13.0, 14.0], [20.0, 21.0, 22.0, 23.0, 24.0], [0.0, 1.0, 2.0, 3.0, 4.0]);
        var shuffler = new Shuffler(source, 7);
        var rng = new Xoshiro256StarStar(7);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            // The documented draw: from data order, for i = n-1 down to 1 swap i with j = floor(U·(i+1)).
            int[] order = [0, 1, 2, 3, 4];
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = (int)(rng.NextUniform() * (i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            shuffler.Reshuffle();

            Assert.Multiple(() =>
            {
                Assert.That(shuffler.Samples.Y, Is.EqualTo(order.Select(k => (double)k)));
                Assert.That(shuffler.Samples.X1, Is.EqualTo(order.Select(k => 10.0 + k)));
                Assert.That(shuffler.Samples.X2, Is.EqualTo(order.Select(k => 20.0 + k)));
                Assert.That(source.Y, Is.EqualTo(new[] { 0.0, 1.0, 2.0, 3.0, 4.0 }), "the source is never modified");
            });
        }
    }

    private static (Dataset Data, IModelHandle Model) Problem(string recipe, string model) =>
        (RecipeCatalog.Find(recipe)!.Generate(N, 1), CoreRuns.Model(model));

    private static TrainingOptions Options(IModelHandle model, int batch, int epochs) =>
        CoreRuns.Options(model.ParameterNames.Count, batch, epochs);

    private static void AssertSameCurve(Curve actual, Curve expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.Count, Is.EqualTo(expected.Count));
            Assert.That(actual.Epoch, Is.EqualTo(expected.Epoch));
            Assert.That(actual.Step, Is.EqualTo(expected.Step));
            Assert.That(Bits.Of(actual.Loss), Is.EqualTo(Bits.Of(expected.Loss)));
            Assert.That(Bits.Of(actual.Gap), Is.EqualTo(Bits.Of(expected.Gap)));
            Assert.That(Bits.Of(actual.GradNorm), Is.EqualTo(Bits.Of(expected.GradNorm)));
            Assert.That(Bits.Of(actual.Parameters), Is.EqualTo(Bits.Of(expected.Parameters)));
        });
    }
}
