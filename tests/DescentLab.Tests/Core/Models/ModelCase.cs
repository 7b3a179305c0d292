using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Tests.Core.Models;

/// <summary>One model struct configuration (catalog name, dimension, loss) with its methods bound, plus data to test on.</summary>
public sealed class ModelCase
{
    private ModelCase(string key, IModel model, Samples samples, double[][] thetas)
    {
        Key = key;
        Model = model;
        Samples = samples;
        Thetas = thetas;
    }

    /// <summary><c>name/dimension/loss</c>, as the catalog would build it.</summary>
    public string Key { get; }

    /// <summary>The model (boxed: these tests are not hot loops).</summary>
    public IModel Model { get; }

    /// <summary>Data the checks run on.</summary>
    public Samples Samples { get; }

    /// <summary>Points θ to check at (away from the optimum, so gradients are not tiny).</summary>
    public double[][] Thetas { get; }

    /// <summary>Every model configuration the catalog can build.</summary>
    public static IEnumerable<ModelCase> All()
    {
        var line = RecipeCatalog.Find("beans2")!.Generate(20, 4).Samples;
        var threshold = RecipeCatalog.Find("beans3")!.Generate(20, 4).Samples;
        var plane = RecipeCatalog.Find("beans6")!.Generate(20, 4).Samples;
        double[][] two = [[0.3, -0.2], [1.5, 0.7], [-2.0, 1.0], [6.0, -3.0]];
        double[][] three = [[0.3, -0.2, 0.1], [1.5, 0.7, -1.2], [-2.0, 1.0, 0.5], [4.0, -3.0, 2.5]];
        yield return new("origin/1/Mse", default(Origin), line, [[0.3], [1.5], [-2.0]]);
        yield return new("affine/1/Mse", default(Affine), line, two);
        yield return new("logistic/1/Mse", new Logistic(1, LossKind.Mse), threshold, two);
        yield return new("logistic/1/CrossEntropy", new Logistic(1, LossKind.CrossEntropy), threshold, two);
        yield return new("logistic/2/Mse", new Logistic(2, LossKind.Mse), plane, three);
        yield return new("logistic/2/CrossEntropy", new Logistic(2, LossKind.CrossEntropy), plane, three);
        var band = RecipeCatalog.Find("beans4")!.Generate(20, 4).Samples;
        foreach (var loss in new[] { LossKind.Mse, LossKind.CrossEntropy })
        {
            var mlp1 = new Mlp(1, 3, loss);
            var mlp2 = new Mlp(2, 3, loss);
            yield return new($"mlp/1/{loss}", mlp1, band, RandomThetas(mlp1));
            yield return new($"mlp/2/{loss}", mlp2, plane, RandomThetas(mlp2));
        }
    }

    /// <summary>Whether the model has an analytic Hessian to check.</summary>
    public bool HasHessian => Model.TryHessian(Samples, Thetas[0], new double[Model.ParameterCount * Model.ParameterCount]);

    /// <summary>Mean loss over all samples.</summary>
    public double Loss(double[] theta) => Model.Loss(Samples, 0, Samples.Count, theta);

    /// <summary>Mean gradient over all samples.</summary>
    public double[] Gradient(double[] theta)
    {
        var g = new double[Model.ParameterCount];
        Model.LossGradient(Samples, 0, Samples.Count, theta, g);
        return g;
    }

    /// <inheritdoc/>
    public override string ToString() => Key;

    /// <summary>The model's seeded starts for seeds 1..3, scaled up so that some units saturate.</summary>
    private static double[][] RandomThetas(IModel model)
    {
        var empty = new Dictionary<string, double>();
        return [.. Enumerable.Range(1, 3).Select(seed =>
        {
            var theta = new double[model.ParameterCount];
            model.Initialize(theta, empty, (ulong)seed);
            return theta.Select(t => t * seed).ToArray();
        })];
    }
}
