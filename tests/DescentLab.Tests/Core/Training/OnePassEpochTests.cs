using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>The trainer's one-pass full-batch epoch (the recorder's loss and gradient at θ_k drive update k+1) leaves
/// every curve bit-identical to the plain two-pass loop, for every trainer variant and every model.</summary>
public sealed class OnePassEpochTests
{
    private const int N = 60;
    private const int Epochs = 25;

    public static IEnumerable<TestCaseData> Cases()
    {
        (string Recipe, string Model, LossKind Loss)[] problems =
        [
            ("beans1", "origin", LossKind.Mse),
            ("beans2", "affine", LossKind.Mse),
            ("beans3", "logistic", LossKind.Mse),
            ("beans3", "logistic", LossKind.CrossEntropy),
            ("beans5", "logistic", LossKind.CrossEntropy),
            ("beans4", "mlp", LossKind.CrossEntropy),
            ("beans6", "mlp", LossKind.Mse),
        ];
        foreach (var variant in VariantCatalog.All.Where(v => v.Name != "closed_form"))
        {
            foreach (var (recipe, model, loss) in problems)
            {
                yield return new TestCaseData(variant.Name, recipe, model, loss).SetArgDisplayNames(variant.Name, recipe, model, loss.ToString());
            }
        }
    }

    [Test]
    public void EveryCatalogVariantButClosedForm_TrainsThroughTheTrainer()
    {
        // Cases() must cover the catalog: the reference throws for a variant it does not know.
        var data = RecipeCatalog.Find("beans1")!.Generate(N, 1);
        foreach (var variant in VariantCatalog.All.Where(v => v.Name != "closed_form"))
        {
            Assert.DoesNotThrow(() => Train(new TwoPassReference(variant), "origin", LossKind.Mse, data, Options(1, N, RecordMode.Epoch, false)), variant.Name);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void FullBatch_CurveIsBitIdenticalToTheTwoPassLoop(string variant, string recipe, string model, LossKind loss)
    {
        var data = RecipeCatalog.Find(recipe)!.Generate(N, 1);
        int p = CoreRuns.Model(model, data.Dimension, loss).ParameterNames.Count;

        foreach (var options in new[]
        {
            Options(p, N, RecordMode.Epoch, shuffle: false),
            Options(p, N, RecordMode.Step, shuffle: false),
            Options(p, N, RecordMode.Epoch, shuffle: true),
            Options(p, 7, RecordMode.Epoch, shuffle: false),
        })
        {
            var production = Train(CoreRuns.Variant(variant), model, loss, data, options);
            var reference = Train(new TwoPassReference(CoreRuns.Variant(variant)), model, loss, data, options);

            string label = $"batch {options.BatchSize}, {options.Record}, shuffle {options.Shuffle}";
            Assert.Multiple(() =>
            {
                Assert.That(Bits.Of(production.Curve), Is.EqualTo(Bits.Of(reference.Curve)), label);
                Assert.That(Bits.Of(production), Is.EqualTo(Bits.Of(reference)), label);
            });
        }
    }

    private static TrainingResult Train(IVariant variant, string model, LossKind loss, Dataset data, TrainingOptions options)
    {
        var handle = CoreRuns.Model(model, data.Dimension, loss);
        var h = HyperParameters.Resolve(variant, new Dictionary<string, double>());
        var theta = handle.InitialTheta(new Dictionary<string, double> { ["w"] = 0.1 }, 1);
        return handle.Train(variant, data, h, options with { InitialTheta = theta }, CancellationToken.None);
    }

    private static TrainingOptions Options(int parameterCount, int batch, RecordMode record, bool shuffle) =>
        CoreRuns.Options(parameterCount, batch, Epochs, record, shuffle, shuffleSeed: 5, optimumLoss: 0.0);
}
