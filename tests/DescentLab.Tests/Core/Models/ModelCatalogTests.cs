using DescentLab.Core.Models;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>Properties every catalog model must have, so a new model is tested without editing tests.</summary>
public sealed class ModelCatalogTests
{
    public static IEnumerable<IModelDefinition> Models() => ModelCatalog.All;

    [TestCaseSource(nameof(Models))]
    public void Model_Always_HasNameDescriptionDimensionsAndLosses(IModelDefinition model)
    {
        Assert.Multiple(() =>
        {
            Assert.That(model.Name, Does.Match("^[a-z0-9_]+$"));
            Assert.That(model.Description, Is.Not.Empty.And.Not.WhiteSpace);
            Assert.That(model.Dimensions, Is.Not.Empty.And.All.InRange(1, 2));
            Assert.That(model.Losses, Is.Not.Empty.And.Unique);
            Assert.That(ModelCatalog.Find(model.Name), Is.SameAs(model));
        });
    }

    [TestCaseSource(nameof(Models))]
    public void Create_EveryDimensionAndLoss_GivesAMatchingHandle(IModelDefinition model)
    {
        foreach (int dimension in model.Dimensions)
        {
            foreach (var loss in model.Losses)
            {
                var handle = model.Create(dimension, loss);
                var theta = new double[handle.ParameterNames.Count];
                var data = dimension == 1 ? CoreRuns.ThreeBeans() : CoreRuns.TwoD([0.5, 1.5], [1.0, 0.2], [0.0, 1.0]);
                Assert.Multiple(() =>
                {
                    Assert.That(handle.Name, Is.EqualTo(ModelCatalog.Key(model.Name, model.DefaultHidden)));
                    Assert.That(ModelCatalog.FromKey(handle.Name, dimension, loss)?.ParameterNames, Is.EqualTo(handle.ParameterNames));
                    Assert.That(handle.InputDimension, Is.EqualTo(dimension));
                    Assert.That(handle.LossKind, Is.EqualTo(loss));
                    Assert.That(handle.ParameterNames, Is.Unique.And.Not.Empty);
                    Assert.That(double.IsFinite(handle.Loss(data, theta)), Is.True);
                    Assert.That(handle.SolveReference(data).Theta, Has.Length.EqualTo(theta.Length));
                });
            }
        }
    }

    [TestCaseSource(nameof(Models))]
    public void Create_UnsupportedDimensionOrLoss_Throws(IModelDefinition model)
    {
        Assert.That(() => model.Create(3, model.Losses[0]), Throws.ArgumentException);
        foreach (var loss in Enum.GetValues<LossKind>().Except(model.Losses))
        {
            Assert.That(() => model.Create(model.Dimensions[0], loss), Throws.ArgumentException);
        }
    }

    [Test]
    public void Train_DataOfTheWrongDimension_Throws()
    {
        var handle = CoreRuns.Model("logistic", 1);
        var data = CoreRuns.TwoD([0.5, 1.5], [1.0, 0.2], [0.0, 1.0]);

        Assert.That(() => CoreRuns.Train("batch", handle, data, CoreRuns.Options(2, 2, 1)), Throws.ArgumentException);
    }

    [Test]
    public void ParameterNames_AreTheCoursesNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CoreRuns.Model("origin").ParameterNames, Is.EqualTo(new[] { "w" }));
            Assert.That(CoreRuns.Model("affine").ParameterNames, Is.EqualTo(new[] { "w", "b" }));
            Assert.That(CoreRuns.Model("logistic", 1).ParameterNames, Is.EqualTo(new[] { "w", "b" }));
            Assert.That(CoreRuns.Model("logistic", 2).ParameterNames, Is.EqualTo(new[] { "w1", "w2", "b" }));
        });
    }

    [Test]
    public void Predict_IsTheModelsFormula()
    {
        double[] two = [2.0, -1.0];
        Assert.Multiple(() =>
        {
            Assert.That(CoreRuns.Model("origin").Predict([2.0], 3.0, 0), Is.EqualTo(6.0));
            Assert.That(CoreRuns.Model("affine").Predict(two, 3.0, 0), Is.EqualTo(5.0));
            Assert.That(CoreRuns.Model("logistic", 1).Predict(two, 0.5, 0), Is.EqualTo(0.5));
            Assert.That(CoreRuns.Model("logistic", 2).Predict([1.0, 2.0, -4.0], 2.0, 1.0), Is.EqualTo(0.5));
            Assert.That(CoreRuns.Model("logistic", 1).Predict(two, 1.0, 0), Is.EqualTo(1 / (1 + Math.Exp(-1))).Within(1e-16));
        });
    }
}
