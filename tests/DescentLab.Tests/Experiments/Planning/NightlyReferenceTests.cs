using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Planning;

/// <summary>The bar on the shipped nightly config: every problem states its kind, nothing is "attained" at a
/// non-stationary point or beyond the documented parameter bound, and shards see the same references.</summary>
public sealed class NightlyReferenceTests
{
    private static ExperimentConfig Nightly()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "DescentLab.sln above the test directory");
        var result = ConfigLoader.Load(Path.Combine(dir!.FullName, "configs", "nightly.yaml"), ConfigLimits.Default);
        Assert.That(result.Errors, Is.Empty);
        return result.Config!;
    }

    private static Dataset NoFiles(DatasetConfig config) => throw new AssertionException("no file datasets expected");

    [Test]
    public void Nightly_EveryAttainedReferenceIsACertifiedStationaryPoint()
    {
        var plan = Planner.Create(Nightly(), null, NoFiles);
        var datasets = plan.Datasets.ToDictionary(d => d.Key, d => d.Data);

        Assert.Multiple(() =>
        {
            foreach (var problem in plan.Problems)
            {
                string where = $"{problem.DatasetKey} {problem.Model} {problem.Loss}";
                Assert.That(problem.Kind, Is.Not.Null, where);
                if (!problem.Attained)
                {
                    Assert.That(problem.Kind, Is.Not.EqualTo(ReferenceKind.Exact), $"{where}: an exact reference is attained");
                    continue;
                }

                var theta = problem.OptimumParameters.Select(p => p.Value).ToArray();
                var data = datasets[problem.DatasetKey];
                double loss = problem.Loss == "cross_entropy" ? GradientMax(problem.Model, data, LossKind.CrossEntropy, theta, out double g)
                    : GradientMax(problem.Model, data, LossKind.Mse, theta, out g);
                Assert.That(theta.Max(Math.Abs), Is.LessThanOrEqualTo(ReferenceSolver.ModerateBound), where);
                Assert.That(g, Is.LessThanOrEqualTo(ReferenceSolver.RelativeGradientTolerance * loss + ReferenceSolver.AbsoluteGradientTolerance), where);
            }
        });
    }

    [Test]
    public void Nightly_StatesTheKindOfEveryProblem_TheSameInEveryShard()
    {
        var config = Nightly();
        var whole = Planner.Create(config, null, NoFiles).Problems.ToDictionary(p => (p.DatasetKey, p.Model, p.Loss));

        var kinds = whole.Values.GroupBy(p => (Recipe: p.DatasetKey[..p.DatasetKey.IndexOf('-', StringComparison.Ordinal)], p.Model))
            .ToDictionary(g => $"{g.Key.Recipe} {g.Key.Model}", g => string.Join(",", g.Select(p => p.Kind)));
        Assert.That(kinds, Is.EqualTo(new Dictionary<string, string>
        {
            ["beans1 origin"] = "Exact,Exact,Exact,Exact,Exact",
            ["beans1 affine"] = "Exact,Exact,Exact,Exact,Exact",
            ["beans2 affine"] = "Exact,Exact,Exact,Exact,Exact",
            // Seeds 1 and 2 overlap at the threshold (a steep finite sigmoid is best); seeds 3-5 are separable.
            ["beans3 logistic"] = "BestKnown,BestKnown,Infimum,Infimum,Infimum",
            // One sigmoid over a band sharpens into its best step; three hidden units carve the band exactly.
            ["beans4 logistic"] = "Infimum,Infimum,Infimum,Infimum,Infimum",
            ["beans4 mlp-h3"] = "Infimum,Infimum,Infimum,Infimum,Infimum",
        }));

        for (int k = 1; k <= 3; k++)
        {
            foreach (var problem in Planner.Create(config, new ShardSpec(k, 3), NoFiles).Problems)
            {
                var reference = whole[(problem.DatasetKey, problem.Model, problem.Loss)];
                Assert.That(BitConverter.DoubleToInt64Bits(problem.OptimumLoss), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference.OptimumLoss)));
                Assert.That(problem.OptimumParameters, Is.EqualTo(reference.OptimumParameters));
                Assert.That(problem.Kind, Is.EqualTo(reference.Kind));
            }
        }
    }

    /// <summary>The loss and max |g| at θ of the configured model named by its key.</summary>
    private static double GradientMax(string modelKey, Dataset data, LossKind loss, double[] theta, out double max)
    {
        var gradient = new double[theta.Length];
        double value = modelKey switch
        {
            "origin" => default(Origin).LossGradient(data.Samples, 0, data.Count, theta, gradient),
            "affine" => default(Affine).LossGradient(data.Samples, 0, data.Count, theta, gradient),
            "logistic" => new Logistic(data.Dimension, loss).LossGradient(data.Samples, 0, data.Count, theta, gradient),
            _ => new Mlp(data.Dimension, int.Parse(modelKey[(modelKey.LastIndexOf('h') + 1)..], System.Globalization.CultureInfo.InvariantCulture), loss)
                .LossGradient(data.Samples, 0, data.Count, theta, gradient),
        };
        max = gradient.Max(Math.Abs);
        return value;
    }
}
