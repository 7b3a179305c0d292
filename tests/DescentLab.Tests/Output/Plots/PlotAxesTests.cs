using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
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
    private static readonly string[] LogPlots = ["convergence", "lr", "profile", "ecdf", "trend"];

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
            Assert.That(ticks.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(new[] { "0.001", "0.01", "0.1" }));
            Assert.That(ticks.Count(t => !t.IsMajor), Is.EqualTo(3 + (8 * 2) + 6), "7e-4..9e-4, 2..9 × 1e-3 and 1e-2, 2e-1..7e-1 (log10 8 > 0.9)");
        });
    }

    [Test]
    public void DecadeTicks_LessThanOneDecade_LabelsTwoAndFiveToo()
    {
        var labels = DecadeTicks.Generate(-1.5, -0.5, 300).Where(t => t.IsMajor).Select(t => t.Label).ToList();

        Assert.That(labels, Is.EqualTo(new[] { "0.05", "0.1", "0.2" }));
    }

    [Test]
    public void DecadeTicks_OneAndAHalfDecadesOverTwoDecadeTicks_LabelsTwoAndFiveToo()
    {
        // 1e-1 to about 3e0: two decade ticks, but under two decades of span; 3 is not a 2x or 5x value.
        var labels = DecadeTicks.Generate(-1, 0.5, 300).Where(t => t.IsMajor).Select(t => t.Label).ToList();

        Assert.That(labels, Is.EqualTo(new[] { "0.1", "0.2", "0.5", "1", "2" }));
    }

    [Test]
    public void DecadeTicks_TwoDecadesOrMore_DecadesOnly_SmallValuesInENotation()
    {
        var labels = DecadeTicks.Generate(-17, -14.9, 300).Where(t => t.IsMajor).Select(t => t.Label).ToList();

        Assert.That(labels, Is.EqualTo(new[] { "1e-17", "1e-16", "1e-15" }));
    }

    [Test]
    public void Nightly_RenderedLogAxesUnderTwoDecades_LabelTwoAndFiveTimesEachDecade()
    {
        int checkedAxes = 0;
        foreach (var request in DefaultPlots.All.SelectMany(p => p.Plan(TestRunSets.Nightly)))
        {
            using var figure = request.Draw();
            _ = figure.RenderPng(PlotFigure.Width, figure.Height);
            foreach (var axis in figure.Panels.SelectMany(p => p.Axes.GetAxes()).Where(a => a.TickGenerator is DecadeTicks && a.Range.Span < 2))
            {
                var expected = new List<string>();
                for (int decade = (int)Math.Floor(axis.Range.Min); decade <= Math.Ceiling(axis.Range.Max); decade++)
                {
                    foreach (int k in new[] { 1, 2, 5 })
                    {
                        double position = decade + Math.Log10(k);
                        if (position >= axis.Range.Min && position <= axis.Range.Max)
                        {
                            expected.Add(HumanNumber.Format(k * Math.Pow(10, decade)));
                        }
                    }
                }

                Assert.That(axis.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(expected), $"{request.File.RelativePath} {axis.Edge}");
                checkedAxes++;
            }
        }

        Assert.That(checkedAxes, Is.GreaterThan(0), "the nightly has log axes under two decades (the profile's tau)");
    }

    [Test]
    public void LearningRate_XTicks_AreTheSweptValues_AsSwept()
    {
        var request = new LearningRatePlot().Plan(TestRunSets.Nightly).First();
        using var figure = request.Draw();
        _ = figure.RenderPng(PlotFigure.Width, figure.Height);

        foreach (var panel in figure.Panels)
        {
            var ticks = panel.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
            Assert.That(ticks.Select(t => t.Label), Is.EqualTo(new[] { "0.01", "0.03", "0.1", "0.3" }), "sgd, batch and adam sweep 0.01-0.3");
            Assert.That(ticks.Select(t => t.Position), Is.EqualTo(new[] { 0.01, 0.03, 0.1, 0.3 }.Select(Math.Log10)).Within(1e-12));
        }
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
                        var decadeLabels = labelled.Where(t => Math.Abs(t.Position - Math.Round(t.Position)) < 1e-9).ToList();
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
