using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Axes of every figure of the nightly and small run sets, read from ScottPlot's axis objects after rendering
/// (ticks are generated during the render).</summary>
public sealed class PlotAxesTests
{
    private static readonly string[] LogPlots = ["convergence", "lr", "profile", "trend"];

    private TempFolder _folder = null!;

    [OneTimeSetUp]
    public void Setup() => _folder = new TempFolder();

    [OneTimeTearDown]
    public void Cleanup() => _folder.Dispose();

    [Test]
    public void DecadeTicks_ThreeDecades_EveryDecadeLabelled_MinorsBetween()
    {
        var ticks = DecadeTicks.Generate(-3.2, -0.1, 300);

        Assert.Multiple(() =>
        {
            Assert.That(ticks.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(new[] { "1e-3", "1e-2", "1e-1" }));
            Assert.That(ticks.Count(t => !t.IsMajor), Is.EqualTo(3 + (8 * 2) + 6), "7e-4..9e-4, 2..9 × 1e-3 and 1e-2, 2e-1..7e-1 (log10 8 > 0.9)");
        });
    }

    [Test]
    public void DecadeTicks_LessThanOneDecade_LabelsTwoAndFiveToo()
    {
        var labels = DecadeTicks.Generate(-1.5, -0.5, 300).Where(t => t.IsMajor).Select(t => t.Label).ToList();

        Assert.That(labels, Is.EqualTo(new[] { "5e-2", "1e-1", "2e-1" }));
    }

    [TestCaseSource(nameof(RunSets))]
    public void EveryLogAxis_LabelsEveryDecadeInRange_AtLeastTwoLabels(string name)
    {
        var set = Set(name);
        var kindsWithLogAxes = new HashSet<string>();
        foreach (var plot in DefaultPlots.All)
        {
            foreach (var request in plot.Plan(set))
            {
                using var figure = request.Draw();
                figure.SavePng(Path.Combine(_folder.FullPath, name + "-" + Path.GetFileName(request.File.RelativePath)));
                foreach (var (panel, index) in figure.Panels.Select((p, i) => (p, i)))
                {
                    foreach (var axis in panel.Axes.GetAxes().Where(a => a.TickGenerator is DecadeTicks))
                    {
                        kindsWithLogAxes.Add(plot.Name);
                        string where = $"{request.File.RelativePath} panel {index} {axis.Edge}";
                        var labelled = axis.TickGenerator.Ticks.Where(t => t.IsMajor && t.Label.Length > 0).ToList();
                        int decades = (int)(Math.Floor(axis.Range.Max) - Math.Ceiling(axis.Range.Min)) + 1;
                        var decadeLabels = labelled.Where(t => t.Label.StartsWith("1e", StringComparison.Ordinal)).ToList();
                        Assert.That(labelled, Has.Count.GreaterThanOrEqualTo(2), where);
                        Assert.That(decadeLabels, Has.Count.EqualTo(Math.Max(0, decades)), where + ": one label per decade in range");
                    }
                }
            }
        }

        Assert.That(kindsWithLogAxes, Is.SupersetOf(LogPlots.Where(k => DefaultPlots.All.Any(p => p.Name == k && p.Plan(set).Count > 0))));
    }

    [TestCaseSource(nameof(RunSets))]
    public void Paths_FrameContainsEveryPathThatDidNotDiverge(string name)
    {
        var requests = new ParameterPathsPlot().Plan(Set(name));
        Assert.That(requests, Is.Not.Empty);
        foreach (var request in requests)
        {
            using var figure = request.Draw();
            foreach (var panel in figure.Panels)
            {
                var limits = panel.Axes.GetLimits();
                foreach (var path in panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0 && !s.LegendText.Contains("diverged", StringComparison.Ordinal)))
                {
                    var points = path.Data.GetScatterPoints();
                    Assert.Multiple(() =>
                    {
                        Assert.That(points.Min(p => p.X), Is.GreaterThanOrEqualTo(limits.Left), path.LegendText);
                        Assert.That(points.Max(p => p.X), Is.LessThanOrEqualTo(limits.Right), path.LegendText);
                        Assert.That(points.Min(p => p.Y), Is.GreaterThanOrEqualTo(limits.Bottom), path.LegendText);
                        Assert.That(points.Max(p => p.Y), Is.LessThanOrEqualTo(limits.Top), path.LegendText);
                    });
                }
            }
        }
    }

    [Test]
    public void Paths_FarOptimum_MarkedOnTheEdgeWithItsValue()
    {
        var request = new ParameterPathsPlot().Plan(TestRunSets.Nightly).First(r => r.File.Problem!.Dataset == "beans3");
        using var figure = request.Draw();
        var panel = figure.Panels[0];
        var limits = panel.Axes.GetLimits();
        var marker = panel.GetPlottables<Marker>().Single(m => m.LegendText.Contains(" off frame at ", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(marker.LegendText, Does.Contain("off frame at w = "));
            Assert.That(limits.Contains(marker.Location), Is.True);
            Assert.That(limits.Right - limits.Left, Is.LessThan(50), "framed around the paths, not the optimum at w > 100");
        });
    }

    [TestCase(false, 15)]
    [TestCase(true, 10)]
    public void Nightly_LinesOfEveryPanel_DifferInColour(bool deuteranopia, double minimumDeltaE)
    {
        // CIE76 ΔE of about 2 is a just-noticeable difference; thin lines need far more. Thresholds: normal vision 15,
        // simulated deuteranopia 10 (the nightly's worst pairs measure 22 and 14).
        var worst = (DeltaE: double.PositiveInfinity, Where: string.Empty);
        foreach (var request in new ConvergencePlot().Plan(TestRunSets.Nightly).Concat(new LearningRatePlot().Plan(TestRunSets.Nightly)))
        {
            using var figure = request.Draw();
            foreach (var panel in figure.Panels)
            {
                var lines = panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).ToList();
                for (int i = 0; i < lines.Count; i++)
                {
                    for (int j = i + 1; j < lines.Count; j++)
                    {
                        double d = ColourDifference.DeltaE(Rgb(lines[i].Color), Rgb(lines[j].Color), deuteranopia);
                        if (d < worst.DeltaE)
                        {
                            worst = (d, $"{request.File.RelativePath}: {lines[i].LegendText} vs {lines[j].LegendText}");
                        }
                    }
                }
            }
        }

        Assert.That(worst.DeltaE, Is.GreaterThanOrEqualTo(minimumDeltaE), worst.Where);
    }

    private static (byte R, byte G, byte B) Rgb(Color c) => (c.R, c.G, c.B);

    private static IEnumerable<string> RunSets() => ["small", "nightly"];

    private static RunSet Set(string name) => name == "small" ? TestRunSets.Small : TestRunSets.Nightly;
}
