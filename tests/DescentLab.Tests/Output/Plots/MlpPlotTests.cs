using DescentLab.Core.Models;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The plots of mlp problems: the model is re-created from its row name (mlp-h3), fits are drawn, paths skipped.</summary>
public sealed class MlpPlotTests
{
    private static readonly Lazy<RunSet> Set = new(() => TestRunSets.Run(TestConfigs.Create(
        datasets:
        [
            TestConfigs.Recipe("beans4", 40, 1, new ModelConfig("mlp", LossKind.CrossEntropy) { Hidden = 3 }),
            TestConfigs.Recipe("beans6", 40, 2, new ModelConfig("mlp", LossKind.Mse) { Hidden = 3 }),
        ],
        variants: [TestConfigs.Variant("adam", ("lr", [0.1]))],
        maxEpochs: 40)));

    [Test]
    public void Fit_OneDimensionalMlp_DrawsTheSettingsCurve_AndTheOptimumUnlessAnInfimum()
    {
        var request = new FittedLinesPlot().Plan(Set.Value).Single(r => r.File.Problem!.Model == "mlp-h3" && r.File.Problem.Loss == "cross_entropy");
        bool infimum = Set.Value.Manifest.Problems.Single(p => p.Model == "mlp-h3" && p.Loss == "cross_entropy").Kind == DescentLab.Core.Metrics.ReferenceKind.Infimum;
        using var figure = request.Draw();

        var lines = figure.Panels.SelectMany(p => p.GetPlottables<Scatter>()).Where(s => s.LegendText.Length > 0).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(infimum ? 1 : 2));
            Assert.That(lines.Select(l => l.LegendText), Has.One.StartWith("adam lr=0.1"));
            Assert.That(lines.Count(l => l.LegendText == "optimum (L*)"), Is.EqualTo(infimum ? 0 : 1));
            Assert.That(lines.SelectMany(l => l.Data.GetScatterPoints()).Select(p => p.Y), Has.All.InRange(0.0, 1.0));
            Assert.That(request.File.AltText, Does.Contain("fitted curve"));
        });
    }

    [Test]
    public void Fit_TwoDimensionalMlp_TracesTheHalfLevelInsideThePlot()
    {
        var request = new FittedLinesPlot().Plan(Set.Value).Single(r => r.File.Problem!.Model == "mlp-h3" && r.File.Problem.Loss == "mse");
        using var figure = request.Draw();

        var traced = figure.Panels.SelectMany(p => p.GetPlottables<Scatter>()).Single(s => s.LegendText.StartsWith("adam lr=0.1", StringComparison.Ordinal));
        var points = traced.Data.GetScatterPoints();

        Assert.That(points, Has.Count.GreaterThan(10));
        Assert.That(points.Select(p => p.X), Has.All.InRange(-0.2, 2.2));
    }

    [Test]
    public void Render_MlpProblems_FitPngsRender_ParameterPathsSkipped()
    {
        using var folder = new TempFolder();

        var files = PlotRenderer.Render(Set.Value, [new FittedLinesPlot(), new ParameterPathsPlot(), new ConvergencePlot()], folder.FullPath, 2);

        Assert.That(files.Where(f => f.RelativePath.Contains("/fit-", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(2));
        Assert.That(files.Where(f => f.RelativePath.Contains("/paths-", StringComparison.Ordinal)), Is.Empty);
        foreach (var file in files)
        {
            Assert.That(file.Error, Is.Null, file.RelativePath);
            var image = PngImage.Load(Path.Combine(folder.FullPath, file.RelativePath));
            Assert.That(image.LuminanceVariance, Is.GreaterThan(100), $"{file.RelativePath} looks blank");
        }
    }
}
