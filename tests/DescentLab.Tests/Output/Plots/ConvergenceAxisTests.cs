using DescentLab.Experiments.Config;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

/// <summary><c>report.x</c> chooses the convergence plots' x axis, and their text says what it is.</summary>
public sealed class ConvergenceAxisTests
{
    [TestCase(ConvergenceAxis.Epochs, "against epoch on")]
    [TestCase(ConvergenceAxis.GradEvals, "against per-sample gradient evaluations on")]
    [TestCase(ConvergenceAxis.WallMs, "against wall time in ms (row k of a run at its wall_ms × its gradient evaluations up to row k / its total gradient evaluations")]
    public void Plan_ReportX_NamesTheAxis(ConvergenceAxis axis, string expected)
    {
        var small = TestRunSets.SmallWithoutBaseline;
        var config = small.Manifest.ResolvedConfig with { Report = new ReportConfig { X = axis } };
        var set = small with { Manifest = small.Manifest with { ResolvedConfig = config } };

        var file = new ConvergencePlot().Plan(set).First().File;

        Assert.That(file.AltText, Does.Contain(expected));
    }
}
