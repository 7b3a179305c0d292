using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Metrics;

/// <summary>L* (SPEC §5): closed forms against hand-solved normal equations, Newton against the gradient norm.</summary>
public sealed class ReferenceSolverTests
{
    [Test]
    public void Origin_ThreeBeans_IsTheHandSolvedNormalEquation()
    {
        // w = Σxy / Σx² = (1.2 + 5.0 + 10.5) / 14 = 16.7 / 14; L* = (Σy² - (Σxy)²/Σx²) / 3 = (19.94 - 278.89/14) / 3 = 0.09 / 14.
        var optimum = CoreRuns.Model("origin").SolveReference(CoreRuns.ThreeBeans());

        Assert.Multiple(() =>
        {
            Assert.That(optimum.Method, Is.EqualTo("closed_form"));
            Assert.That(optimum.Attained, Is.True);
            Assert.That(optimum.Iterations, Is.EqualTo(0));
            Assert.That(optimum.Theta[0], Is.EqualTo(16.7 / 14).Within(2e-16));
            Assert.That(optimum.Loss, Is.EqualTo(0.09 / 14).Within(1e-16));
        });
    }

    [Test]
    public void Affine_ThreeBeans_IsTheHandSolvedNormalEquation()
    {
        // Centred: mean x = 2, mean y = 2.4, Sxx = 2, Sxy = (-1)(-1.2) + 0 + (1)(1.1) = 2.3, so w = 1.15, b = 2.4 - 2.3 = 0.1;
        // residuals [0.05, -0.1, 0.05], L* = 0.015 / 3 = 0.005.
        var optimum = CoreRuns.Model("affine").SolveReference(CoreRuns.ThreeBeans());

        Assert.Multiple(() =>
        {
            Assert.That(optimum.Method, Is.EqualTo("closed_form"));
            Assert.That(optimum.Theta[0], Is.EqualTo(1.15).Within(1e-15));
            Assert.That(optimum.Theta[1], Is.EqualTo(0.1).Within(1e-15));
            Assert.That(optimum.Loss, Is.EqualTo(0.005).Within(1e-17));
        });
    }

    [TestCase("beans1", "origin")]
    [TestCase("beans2", "affine")]
    [TestCase("beans2", "origin")]
    [TestCase("beans1", "affine")]
    public void ClosedForm_OnBeans_ZeroesTheGradient(string recipe, string model)
    {
        var data = RecipeCatalog.Find(recipe)!.Generate(1000, 42);
        var optimum = CoreRuns.Model(model).SolveReference(data);

        Assert.That(GradientNorm(model, data, optimum.Theta), Is.LessThan(1e-14));
    }

    [TestCase("beans6", 2, LossKind.CrossEntropy)]
    [TestCase("beans6", 2, LossKind.Mse)]
    [TestCase("beans4", 1, LossKind.CrossEntropy)]
    [TestCase("beans4", 1, LossKind.Mse)]
    public void Newton_NonSeparableBeans_ReachesAZeroGradient(string recipe, int dimension, LossKind loss)
    {
        var data = RecipeCatalog.Find(recipe)!.Generate(100, 1);
        var model = new Logistic(dimension, loss);

        var optimum = ReferenceSolver.Solve(model, data.Samples);

        Assert.Multiple(() =>
        {
            Assert.That(optimum.Method, Is.EqualTo("newton"));
            Assert.That(optimum.Attained, Is.True);
            Assert.That(optimum.Iterations, Is.LessThan(ReferenceSolver.MaxIterations));
            Assert.That(GradientNorm(model, data.Samples, optimum.Theta), Is.LessThan(1e-10));
            Assert.That(optimum.Loss, Is.EqualTo(model.Loss(data.Samples, 0, data.Count, optimum.Theta)));
        });
    }

    [TestCase(LossKind.CrossEntropy)]
    [TestCase(LossKind.Mse)]
    public void Newton_ExactlySeparable_ReportsNotAttained(LossKind loss)
    {
        // x = [0, 1], y = [0, 1]: any w·x + b with b < 0 < w + b separates them, and the loss falls towards 0 as w grows.
        var samples = new Samples([0.0, 1.0], [], [0.0, 1.0]);

        var optimum = ReferenceSolver.Solve(new Logistic(1, loss), samples);

        Assert.Multiple(() =>
        {
            Assert.That(optimum.Attained, Is.False);
            Assert.That(optimum.Iterations, Is.EqualTo(ReferenceSolver.MaxIterations));
            Assert.That(optimum.Loss, Is.GreaterThan(0.0).And.LessThan(1e-10));
            Assert.That(optimum.Theta[0], Is.GreaterThan(10.0));
        });
    }

    [TestCase(LossKind.CrossEntropy)]
    [TestCase(LossKind.Mse)]
    public void Newton_Beans5_IsSeparableByConstruction_ReportsNotAttained(LossKind loss)
    {
        // SPEC §4: beans5's label is a deterministic half-plane, so the classes are linearly separable.
        var data = RecipeCatalog.Find("beans5")!.Generate(100, 1);

        var optimum = ReferenceSolver.Solve(new Logistic(2, loss), data.Samples);

        Assert.That(optimum.Attained, Is.False);
    }

    [Test]
    public void Solve_DependsOnlyOnDataAndModel()
    {
        var data = RecipeCatalog.Find("beans6")!.Generate(100, 3);
        var model = CoreRuns.Model("logistic", 2, LossKind.CrossEntropy);

        var a = model.SolveReference(data);
        var b = model.SolveReference(RecipeCatalog.Find("beans6")!.Generate(100, 3));

        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(b.Loss), Is.EqualTo(BitConverter.DoubleToInt64Bits(a.Loss)));
            Assert.That(Bits.Of(b.Theta), Is.EqualTo(Bits.Of(a.Theta)));
        });
    }

    [Test]
    public void Newton_Optimum_IsNotBeatenByGradientDescent()
    {
        var data = RecipeCatalog.Find("beans6")!.Generate(100, 1);
        var model = CoreRuns.Model("logistic", 2, LossKind.CrossEntropy);
        double optimum = model.SolveReference(data).Loss;

        var result = CoreRuns.Train("line_search", model, data, CoreRuns.Options(3, 100, 2000, optimumLoss: optimum));

        Assert.That(result.FinalGap, Is.GreaterThanOrEqualTo(-1e-15).And.LessThan(1e-6));
    }

    private static double GradientNorm(string model, Dataset data, double[] theta) =>
        model == "origin" ? GradientNorm(default(Origin), data.Samples, theta) : GradientNorm(default(Affine), data.Samples, theta);

    private static double GradientNorm<TModel>(TModel model, Samples samples, double[] theta)
        where TModel : struct, IModel
    {
        var g = new double[model.ParameterCount];
        model.LossGradient(samples, 0, samples.Count, theta, g);
        return Math.Sqrt(g.Sum(v => v * v));
    }
}
