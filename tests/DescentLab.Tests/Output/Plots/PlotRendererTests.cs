using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Scheduling and guarding of <see cref="PlotRenderer"/>: a plot that throws in its plan or while drawing costs
/// its own images only, and the images do not depend on how many are drawn at once.</summary>
public sealed class PlotRendererTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Render_PlanThrows_OneFailedEntryForThatKind_OtherPlotsRender()
    {
        var files = PlotRenderer.Render(TestRunSets.Small, [new ThrowingPlan(), new ConvergencePlot()], _temp.FullPath, 2);

        var expected = new ConvergencePlot().Plan(TestRunSets.Small).Select(r => r.File.RelativePath).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files[0].RelativePath, Is.EqualTo("plan-fails"));
            Assert.That(files[0].Kind, Is.EqualTo("plan-fails"));
            Assert.That(files[0].Error, Is.EqualTo("planning failed: InvalidOperationException: no plan today"));
            Assert.That(files.Skip(1).Select(f => f.RelativePath), Is.EqualTo(expected));
            Assert.That(files.Skip(1).Select(f => f.Error), Has.All.Null);
            Assert.That(expected.Select(p => File.Exists(_temp.PathOf(p))), Has.All.True);
        });
    }

    [Test]
    public void Render_DrawThrows_OnlyThatImageFails_TheOthersOfTheSameKindRender()
    {
        var files = PlotRenderer.Render(TestRunSets.Small, [new ThrowingDraw()], _temp.FullPath, 2);

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => f.RelativePath), Is.EqualTo(new[] { "plots/draw-fails-0.png", "plots/draw-fails-1.png", "plots/draw-fails-2.png" }));
            Assert.That(files.Select(f => f.Error), Is.EqualTo(new[] { null, "ArgumentException: image 1 cannot be drawn", null }));
            Assert.That(File.Exists(_temp.PathOf("plots", "draw-fails-0.png")), Is.True);
            Assert.That(File.Exists(_temp.PathOf("plots", "draw-fails-1.png")), Is.False);
            Assert.That(File.Exists(_temp.PathOf("plots", "draw-fails-2.png")), Is.True);
        });
    }

    [Test]
    public void ReportRender_PlanAndDrawThrow_ReportListsBoth_AndLinksTheImagesThatRendered()
    {
        var report = ReportRenderer.Render(TestRunSets.Small, _temp.FullPath, [new ThrowingPlan(), new ThrowingDraw(), new ConvergencePlot()], 2);

        string markdown = File.ReadAllText(_temp.PathOf(ReportRenderer.MarkdownFile));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("Plot `plan-fails` could not be rendered: planning failed: InvalidOperationException: no plan today"));
            Assert.That(markdown, Does.Contain("Plot `plots/draw-fails-1.png` could not be rendered: ArgumentException: image 1 cannot be drawn"));
            Assert.That(markdown, Does.Contain("](plots/draw-fails-0.png)"));
            Assert.That(markdown, Does.Not.Contain("](plots/draw-fails-1.png)"));
            Assert.That(report.Written, Does.Contain("plots/draw-fails-2.png").And.Contain(ReportRenderer.HtmlFile));
            Assert.That(report.Written, Does.Not.Contain("plots/draw-fails-1.png").And.Not.Contain("plan-fails"));
            Assert.That(File.Exists(_temp.PathOf(ReportRenderer.HtmlFile)), Is.True);
        });
    }

    [Test]
    public void Render_ParallelOneAndTwo_ByteIdenticalImages()
    {
        IReadOnlyList<IPlot> plots = [new ConvergencePlot(), new FittedLinesPlot(), new LearningRatePlot(), new EcdfPlot()];
        var serial = PlotRenderer.Render(TestRunSets.Small, plots, _temp.PathOf("serial"), 1);
        var parallel = PlotRenderer.Render(TestRunSets.Small, plots, _temp.PathOf("parallel"), 2);

        Assert.That(serial.Select(f => f.Error), Has.All.Null);
        Assert.That(parallel.Select(f => f.RelativePath), Is.EqualTo(serial.Select(f => f.RelativePath)));
        Assert.That(serial, Has.Count.GreaterThan(4), "several images per kind, so two threads really draw at once");
        foreach (var file in serial)
        {
            Assert.That(
                File.ReadAllBytes(_temp.PathOf("parallel", file.RelativePath)),
                Is.EqualTo(File.ReadAllBytes(_temp.PathOf("serial", file.RelativePath))),
                file.RelativePath);
        }
    }

    /// <summary>A plot whose plan throws.</summary>
    private sealed class ThrowingPlan : IPlot
    {
        public string Name => "plan-fails";

        public IReadOnlyList<PlotRequest> Plan(RunSet set) => throw new InvalidOperationException("no plan today");
    }

    /// <summary>A plot of three images whose second throws while it is drawn; the others are the convergence plot's first figure.</summary>
    private sealed class ThrowingDraw : IPlot
    {
        public string Name => "draw-fails";

        public IReadOnlyList<PlotRequest> Plan(RunSet set)
        {
            var figure = new ConvergencePlot().Plan(set)[0].Draw;
            return [.. Enumerable.Range(0, 3).Select(i => new PlotRequest(
                new PlotFile($"plots/draw-fails-{i}.png", $"Image {i}", $"Image {i} of the draw-fails plot.", null),
                i == 1 ? () => throw new ArgumentException("image 1 cannot be drawn") : figure))];
        }
    }
}
