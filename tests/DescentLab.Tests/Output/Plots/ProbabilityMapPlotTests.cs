using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The 2-D probability map: the drawn boundary is where the model's class changes, and the recipe's true
/// boundary labels its data.</summary>
public sealed class ProbabilityMapPlotTests
{
    private static readonly Lazy<RunSet> Set = new(() => TestRunSets.Run(TestConfigs.Create(
        datasets:
        [
            TestConfigs.Recipe("beans5", 60, 2, new ModelConfig("logistic", LossKind.CrossEntropy)),
            TestConfigs.Recipe("beans6", 60, 2, new ModelConfig("mlp", LossKind.CrossEntropy) { Hidden = 3 }),
        ],
        variants: [TestConfigs.Variant("adam", ("lr", [0.1]))],
        maxEpochs: 80)));

    [TestCase("logistic")]
    [TestCase("mlp-h3")]
    public void LearnedBoundary_PointsOnEitherSideOfEachSegment_HaveOppositePredictedClasses(string model)
    {
        var (handle, theta, data) = Trained(model);
        var area = ProbabilityMapPlot.Area(data);
        double offset = (area.Right - area.Left) * 0.01;

        var segments = ProbabilityMapPlot.LearnedBoundary(handle, theta, area);

        Assert.That(segments, Has.Count.GreaterThan(20));
        foreach (var (a, b) in segments)
        {
            double length = Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
            double nx = -(b.Y - a.Y) / length;
            double ny = (b.X - a.X) / length;
            double mx = (a.X + b.X) / 2;
            double my = (a.Y + b.Y) / 2;
            bool one = handle.Predict(theta, mx + (offset * nx), my + (offset * ny)) >= 0.5;
            bool other = handle.Predict(theta, mx - (offset * nx), my - (offset * ny)) >= 0.5;
            Assert.That(one, Is.Not.EqualTo(other), $"segment ({a.X}, {a.Y})-({b.X}, {b.Y}) does not separate the classes");
        }
    }

    [Test]
    public void LearnedBoundary_Logistic_LiesOnTheLineOfItsWeights()
    {
        var (handle, theta, data) = Trained("logistic");
        double norm = Math.Sqrt((theta[0] * theta[0]) + (theta[1] * theta[1]));

        var segments = ProbabilityMapPlot.LearnedBoundary(handle, theta, ProbabilityMapPlot.Area(data));

        // Distance of each end from w1·x1 + w2·x2 + b = 0: the grid's linear interpolation of a sigmoid is within a
        // small fraction of a 150-cell step (about 0.015) of the exact line.
        Assert.That(segments.SelectMany(s => new[] { s.A, s.B }).Select(p => Math.Abs((theta[0] * p.X) + (theta[1] * p.Y) + theta[2]) / norm),
            Has.All.LessThan(1e-3));
    }

    [TestCase("beans5")]
    [TestCase("beans6")]
    public void TrueBoundary_LabelsTheRecipesData_AndItsTraceLiesOnIt(string recipeName)
    {
        var recipe = RecipeCatalog.Find(recipeName)!;
        var data = recipe.Generate(200, 7);
        var boundary = recipe.Boundary!;

        var labels = Enumerable.Range(0, data.Count).Select(i => boundary.IsPositive(data.X1[i], data.X2[i]) ? 1.0 : 0.0);
        var trace = boundary.Trace(-0.1, 2.1, -0.1, 2.1, 200);

        Assert.Multiple(() =>
        {
            Assert.That(labels, Is.EqualTo(data.Y));
            Assert.That(data.Y, Has.Some.EqualTo(0.0).And.Some.EqualTo(1.0));
            Assert.That(trace, Has.Count.GreaterThan(1));
            foreach (var (x1, x2) in trace)
            {
                // A point on the boundary: moving a little either way (along x1 then x2) flips the class somewhere nearby.
                bool flips = boundary.IsPositive(x1 + 1e-6, x2) != boundary.IsPositive(x1 - 1e-6, x2)
                    || boundary.IsPositive(x1, x2 + 1e-6) != boundary.IsPositive(x1, x2 - 1e-6);
                Assert.That(flips, Is.True, $"({x1}, {x2}) is not on {boundary.Formula}");
            }
        });
    }

    /// <summary>The model, final parameters and data of the first run of <paramref name="model"/>.</summary>
    private static (IModelHandle Handle, double[] Theta, Dataset Data) Trained(string model)
    {
        var row = Set.Value.Rows.First(r => r.Model == model);
        var handle = ModelCatalog.FromKey(row.Model, 2, LossKind.CrossEntropy)!;
        var parameters = row.FinalParameters.ToDictionary(p => p.Key, p => p.Value);
        return (handle, [.. handle.ParameterNames.Select(n => parameters[n])], Set.Value.Datasets[row.DatasetKey]);
    }
}
