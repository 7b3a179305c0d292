using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>What the figures contain, checked on ScottPlot's plottables before rendering.</summary>
public sealed class PlotContentTests
{
    [Test]
    public void Convergence_DivergedSetting_LabelledDiverged_LineStopsAtLastFiniteValue()
    {
        var request = new ConvergencePlot().Plan(TestRunSets.Small).First(r => r.File.Problem!.Model == "origin");
        using var figure = request.Draw();

        var lines = figure.Panels.SelectMany(p => p.GetPlottables<Scatter>()).Where(s => s.LegendText.StartsWith("sgd lr=10", StringComparison.Ordinal)).ToList();

        Assert.That(lines, Has.Count.EqualTo(1));
        var points = lines[0].Data.GetScatterPoints();
        Assert.Multiple(() =>
        {
            Assert.That(lines[0].LegendText, Is.EqualTo("sgd lr=10 (diverged)"));
            Assert.That(points, Is.Not.Empty);
            Assert.That(points.All(p => double.IsFinite(p.X) && double.IsFinite(p.Y)), Is.True);
        });
    }

    [Test]
    public void Convergence_EighteenSettings_NoPanelCarriesMoreThanSixLines()
    {
        double[] lrs = [0.01, 0.03, 0.1, 0.3, 1];
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans2", 20, 1, TestConfigs.Model("affine"))],
            variants:
            [
                TestConfigs.Variant("sgd", ("lr", lrs)),
                TestConfigs.Variant("batch", ("lr", lrs)),
                TestConfigs.Variant("minibatch", ("lr", [0.1])) with { Batches = [5, 10] },
                TestConfigs.Variant("momentum", ("lr", [0.1])),
                TestConfigs.Variant("nesterov", ("lr", [0.1])),
                TestConfigs.Variant("adagrad", ("lr", [0.1])),
                TestConfigs.Variant("rmsprop", ("lr", [0.01])),
                TestConfigs.Variant("adam", ("lr", [0.05])),
                TestConfigs.Variant("line_search"),
            ],
            maxEpochs: 5));

        using var figure = new ConvergencePlot().Plan(set).Single().Draw();
        var perPanel = figure.Panels.Select(p => p.GetPlottables<Scatter>().Count(s => s.LegendText.Length > 0)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(perPanel.Sum(), Is.EqualTo(18));
            Assert.That(perPanel, Has.All.LessThanOrEqualTo(VariantFamilies.MaxLinesPerPanel));
            Assert.That(perPanel, Is.EqualTo(new[] { 5, 5, 2, 2, 3, 1 }), "sgd, batch and minibatch sweeps each whole, then momentum, adaptive, line search");
        });
    }

    [Test]
    public void Convergence_Bands_AreLight()
    {
        using var figure = new ConvergencePlot().Plan(TestRunSets.Small).First().Draw();
        var fills = figure.Panels.SelectMany(p => p.GetPlottables<FillY>()).ToList();
        Assert.That(fills, Is.Not.Empty);
        Assert.That(fills.Select(f => f.FillColor.A), Has.All.LessThanOrEqualTo(64), "bands must stay light so medians stay visible");
    }

    [Test]
    public void LearningRate_OnlyWhenLrIsSwept()
    {
        var unswept = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 3, batch: 1),
            OutcomeRows.Row("batch", 0.2, 1, RunStatus.Converged, 1e-7, epochsToTarget: 3));
        var swept = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 3, batch: 1),
            OutcomeRows.Row("sgd", 1, 1, RunStatus.Diverged, 1e30, batch: 1));

        Assert.Multiple(() =>
        {
            Assert.That(new LearningRatePlot().Plan(unswept), Is.Empty);
            Assert.That(new LearningRatePlot().Plan(swept), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void LearningRate_DivergedMedian_IsAMarkerNotAPointOnTheLine()
    {
        var swept = OutcomeRows.Set(
            OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 1e-7, epochsToTarget: 3, batch: 1),
            OutcomeRows.Row("sgd", 0.01, 1, RunStatus.NotConverged, 1e-3, batch: 1),
            OutcomeRows.Row("sgd", 1, 1, RunStatus.Diverged, 1e30, batch: 1));

        using var figure = new LearningRatePlot().Plan(swept).Single().Draw();
        var line = figure.Panels[0].GetPlottables<Scatter>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.Data.GetScatterPoints().Select(p => p.X), Is.EqualTo(new[] { -2.0, -1.0 }));
            Assert.That(line.LegendText, Does.Contain("diverged"));
            Assert.That(figure.Panels[0].GetPlottables<Marker>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Trend_NeedsTwoRunSets()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new TrendPlot().Plan(TestRunSets.SmallWithoutBaseline), Is.Empty);
            Assert.That(new TrendPlot().Plan(TestRunSets.Small), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Trend_SmallSet_PanelPerProblem_DateAndCommitTicks_StepsMarked()
    {
        using var figure = new TrendPlot().Plan(TestRunSets.Small).Single().Draw();
        figure.RenderPng(PlotFigure.Width, figure.Height);
        var ticks = figure.Panels[0].Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label);

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.EqualTo(4), "one panel per problem");
            Assert.That(ticks, Is.EqualTo(new[] { "2024-12-31\n1111111", "2025-01-01\n2222222", "2025-01-02\n0123456" }), "date over commit");
            Assert.That(figure.Panels.Sum(p => p.GetPlottables<Marker>().Count()), Is.GreaterThan(0), "adam's step is marked");
            Assert.That(figure.Panels.Select(p => p.GetPlottables<Scatter>().Count()), Has.All.InRange(1, VariantFamilies.MaxLinesPerPanel));
        });
    }

    [Test]
    public void Trend_GapsAtOrBelowZero_SitInALabelledBand_AccuracyProblemsDrawAccuracy()
    {
        // beans1's medians become -1e-18 and 0 (none reached the target), beans5's never reach it: its accuracy is drawn.
        var small = TestRunSets.Small;
        var trend = small.Trend.Select(t => t.Problem.StartsWith("beans1", StringComparison.Ordinal)
                ? t with { MedianFinalGap = t.Leader ? 0 : -1e-18, MedianEpochsToTarget = null }
                : t.Problem.StartsWith("beans5", StringComparison.Ordinal) ? t with { MedianEpochsToTarget = null } : t)
            .ToList();

        using var figure = new TrendPlot().Plan(small with { Trend = trend }).Single().Draw();
        figure.RenderPng(PlotFigure.Width, figure.Height);

        var beans1 = figure.Panels[0];
        var beans5 = figure.Panels[3];
        Assert.Multiple(() =>
        {
            Assert.That(beans1.GetPlottables<ScottPlot.Plottables.VerticalSpan>().Count(), Is.EqualTo(1));
            Assert.That(beans1.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText), Has.Some.EqualTo("gap <= 1e-16: zero, negative or rounding"));
            Assert.That(beans1.Axes.Left.Label.Text, Is.EqualTo("median final gap"));
            Assert.That(beans5.Axes.Left.Label.Text, Is.EqualTo("median accuracy"));
            Assert.That(beans5.GetPlottables<ScottPlot.Plottables.VerticalSpan>(), Is.Empty);
        });
    }

    [Test]
    public void Trend_ManyProblems_BoundedPanels()
    {
        var small = TestRunSets.Small;
        var trend = Enumerable.Range(0, 12).SelectMany(p => small.Trend.Select(t => t with { Problem = t.Problem + " #" + p })).ToList();

        using var figure = new TrendPlot().Plan(small with { Trend = trend }).Single().Draw();

        Assert.That(figure.Panels, Has.Count.EqualTo(TrendPlot.MaxPanels));
    }

    [Test]
    public void Renderer_PlotThatThrows_RecordedAsError_OthersStillRendered()
    {
        using var temp = new TempFolder();
        var plots = new IPlot[] { new ThrowingPlot(), new PerformanceProfilePlot() };

        var files = PlotRenderer.Render(TestRunSets.Small, plots, temp.FullPath, 2);

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => f.RelativePath), Is.EqualTo(new[] { "plots/broken.png", "plots/profile.png" }));
            Assert.That(files[0].Error, Does.Contain("no data for this"));
            Assert.That(files[1].Error, Is.Null);
            Assert.That(File.Exists(Path.Combine(temp.FullPath, "plots", "broken.png")), Is.False);
            Assert.That(File.Exists(Path.Combine(temp.FullPath, "plots", "profile.png")), Is.True);
        });
    }

    private sealed class ThrowingPlot : IPlot
    {
        public string Name => "broken";

        public IReadOnlyList<PlotRequest> Plan(DescentLab.Experiments.Results.RunSet set) =>
            [new PlotRequest(new PlotFile("plots/broken.png", "Broken", "A plot that fails to draw.", null), () => throw new InvalidOperationException("no data for this"))];
    }

    [Test]
    public void Convergence_ACurveThatCannotBeRead_FailsTheFigureWithTheReadersOwnError([Values(1, 2)] int parallel)
    {
        // The settings' curves are read in parallel; what the figure reports is the reader's error, not a wrapper.
        var small = TestRunSets.Small;
        string broken = small.Rows.First(r => r.Model == "origin" && small.Curves.Contains(r.RunId)).RunId;
        var set = small with { Curves = new Unreadable(small.Curves, broken), Manifest = small.Manifest with { Parallel = parallel } };

        var failing = new ConvergencePlot().Plan(set).First(r => r.File.Problem!.Model == "origin");

        var error = Assert.Throws<IOException>(() => failing.Draw().Dispose());
        Assert.That(error!.Message, Is.EqualTo($"curves.csv: the curve of {broken} cannot be read"));
    }

    /// <summary>A curve source whose one run cannot be read.</summary>
    private sealed class Unreadable(ICurveSource inner, string runId) : ICurveSource
    {
        public int Count => inner.Count;

        public bool Contains(string id) => inner.Contains(id);

        public bool TryRead(string id, [NotNullWhen(true)] out Curve? curve) =>
            id == runId ? throw new IOException($"curves.csv: the curve of {id} cannot be read") : inner.TryRead(id, out curve);

        public IReadOnlyList<CurveHit> Hits(string id, IReadOnlyList<double> targets) => inner.Hits(id, targets);

        public string? FileOf(string id) => inner.FileOf(id);
    }
}
