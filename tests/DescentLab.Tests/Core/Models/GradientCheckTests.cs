using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>Finite-difference checks of every model's gradient and Hessian (truth from outside the code under test).</summary>
public sealed class GradientCheckTests
{
    public static IEnumerable<ModelCase> Cases() => ModelCase.All();

    public static IEnumerable<ModelCase> HessianCases() => ModelCase.All().Where(c => c.HasHessian);

    [TestCaseSource(nameof(Cases))]
    public void LossGradient_CentralDifference_AgreesWithin1e6Relative(ModelCase model)
    {
        foreach (var theta in model.Thetas)
        {
            double[] analytic = model.Gradient(theta);
            double[] numeric = new double[theta.Length];
            for (int j = 0; j < theta.Length; j++)
            {
                // Central difference: truncation error O(h²), rounding O(eps/h); h = 1e-5 balances them near 1e-10.
                double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
                numeric[j] = (model.Loss(Shift(theta, j, h)) - model.Loss(Shift(theta, j, -h))) / (2 * h);
            }

            Assert.That(RelativeError(numeric, analytic), Is.LessThan(1e-6), $"{model.Key} at θ = [{string.Join(", ", theta)}]");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void LossGradient_DefinitionDerivative_AgreesWithin1e5Relative(ModelCase model)
    {
        // The course's definition of the derivative, (L(θ + h) - L(θ)) / h for a small h: first-order accurate, so the
        // tolerance is looser (truncation h·L''/2 ≈ 1e-7 relative to gradients of order 1).
        const double h = 1e-7;
        foreach (var theta in model.Thetas)
        {
            double[] analytic = model.Gradient(theta);
            double loss = model.Loss(theta);
            double[] numeric = new double[theta.Length];
            for (int j = 0; j < theta.Length; j++)
            {
                numeric[j] = (model.Loss(Shift(theta, j, h)) - loss) / h;
            }

            Assert.That(RelativeError(numeric, analytic), Is.LessThan(1e-5), $"{model.Key} at θ = [{string.Join(", ", theta)}]");
        }
    }

    [TestCaseSource(nameof(HessianCases))]
    public void TryHessian_CentralDifferenceOfGradient_AgreesWithin1e6Relative(ModelCase model)
    {
        int p = model.Model.ParameterCount;
        foreach (var theta in model.Thetas)
        {
            var analytic = new double[p * p];
            Assert.That(model.Model.TryHessian(model.Samples, theta, analytic), Is.True);
            var numeric = new double[p * p];
            for (int j = 0; j < p; j++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
                double[] plus = model.Gradient(Shift(theta, j, h));
                double[] minus = model.Gradient(Shift(theta, j, -h));
                for (int k = 0; k < p; k++)
                {
                    numeric[k * p + j] = (plus[k] - minus[k]) / (2 * h);
                }
            }

            Assert.That(RelativeError(numeric, analytic), Is.LessThan(1e-6), $"{model.Key} at θ = [{string.Join(", ", theta)}]");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void LossGradient_ReturnsTheLoss(ModelCase model)
    {
        foreach (var theta in model.Thetas)
        {
            var g = new double[model.Model.ParameterCount];
            double loss = model.Model.LossGradient(model.Samples, 0, model.Samples.Count, theta, g);
            Assert.That(loss, Is.EqualTo(model.Loss(theta)));
        }
    }

    [Test]
    public void Catalog_EveryModelDimensionAndLoss_HasAGradientCase()
    {
        var keys = ModelCase.All().Select(c => c.Key).ToArray();
        var catalog = ModelCatalog.All
            .SelectMany(m => m.Dimensions.SelectMany(d => m.Losses.Select(l => $"{m.Name}/{d}/{l}")))
            .ToArray();

        Assert.That(keys, Is.EquivalentTo(catalog));
    }

    [Test]
    public void HessianCases_AreEveryModelButTheMlp()
    {
        Assert.That(HessianCases().Select(c => c.Key), Is.EquivalentTo(Cases().Select(c => c.Key).Where(k => !k.StartsWith("mlp/", StringComparison.Ordinal))));
    }

    [Test]
    public void Origin_OneSample_IsTheCoursesK()
    {
        // The course: k = 2x²w - 2xy is dL/dw for one bean.
        double[] x = [0.5, 1.7, 3.0];
        double[] y = [0.8, 2.0, 3.9];
        const double w = 0.4;
        var samples = new Samples(x, [], y);
        var g = new double[1];
        for (int i = 0; i < x.Length; i++)
        {
            default(Origin).LossGradient(samples, i, 1, [w], g);
            double k = 2 * x[i] * x[i] * w - 2 * x[i] * y[i];
            Assert.That(g[0], Is.EqualTo(k).Within(1e-15 * (2 * x[i] * x[i] * Math.Abs(w) + 2 * Math.Abs(x[i] * y[i]))));
        }
    }

    private static double[] Shift(double[] theta, int j, double h)
    {
        var shifted = (double[])theta.Clone();
        shifted[j] += h;
        return shifted;
    }

    private static double RelativeError(double[] numeric, double[] analytic)
    {
        double diff = 0, scale = 0;
        for (int j = 0; j < numeric.Length; j++)
        {
            diff = Math.Max(diff, Math.Abs(numeric[j] - analytic[j]));
            scale = Math.Max(scale, Math.Abs(analytic[j]));
        }

        return diff / Math.Max(scale, 1e-300);
    }
}
