using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The expected-best-vs-budget figure: one PNG per problem through the renderer's guards, a legend entry per
/// variant, the same bytes every time.</summary>
public sealed class BudgetPlotTests
{
    [Test]
    public void Render_Trials_OneValidPngPerProblem_NotBlank()
    {
        using var folder = new TempFolder();
        var files = PlotRenderer.Render(OutcomeRows.Set(), [new BudgetPlot(_ => TunedRuns.Trials)], folder.FullPath, 1);
        var file = files.Single();
        var image = PngImage.Load(Path.Combine(folder.FullPath, file.RelativePath));

        Assert.Multiple(() =>
        {
            Assert.That(file.Error, Is.Null);
            Assert.That((file.RelativePath, file.Kind, file.Problem), Is.EqualTo(("plots/budget-beans1-n10-origin-mse.png", BudgetPlot.Kind, TunedRuns.Trials[0].Problem)));
            Assert.That((image.Width, image.Height), Is.EqualTo((PlotFigure.Width, PlotFigure.SinglePanelHeight)));
            Assert.That(image.LuminanceVariance, Is.GreaterThan(100));
            Assert.That(image.DarkShare, Is.GreaterThan(0.002));
        });
    }

    [Test]
    public void Draw_Trials_LegendEntriesAreTheVariants()
    {
        using var figure = BudgetPlot.Requests(TunedRuns.Trials, VariantStyles.BuiltIn).Single().Draw();
        var labels = figure.Panels.Single().Legend.GetItems().Select(i => i.LabelText).Where(l => !string.IsNullOrEmpty(l));

        Assert.That(labels, Is.EqualTo(new[] { "adam (3 trials)", "sgd (3 trials, 1 diverged or failed: counted as the worst finished)" }));
    }

    [Test]
    public void Draw_SameTrials_SameBytes_AndDecodes()
    {
        byte[] Render()
        {
            using var figure = BudgetPlot.Requests(TunedRuns.Trials, VariantStyles.BuiltIn).Single().Draw();
            return figure.RenderPng(PlotFigure.Width, PlotFigure.SinglePanelHeight);
        }

        byte[] first = Render();
        using var bitmap = SKBitmap.Decode(first);

        Assert.Multiple(() =>
        {
            Assert.That(Render(), Is.EqualTo(first));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((PlotFigure.Width, PlotFigure.SinglePanelHeight)));
        });
    }

    [Test]
    public void Plan_NoTrials_NoImage()
    {
        Assert.That(new BudgetPlot(_ => []).Plan(OutcomeRows.Set()), Is.Empty);
    }

    [Test]
    public void Requests_ManyVariants_SplitIntoFamilyPanels_OfAtMostSixLines()
    {
        string[] variants = ["sgd", "minibatch", "batch", "momentum", "nesterov", "adagrad", "rmsprop", "adam"];
        TrialResult[] trials = [.. variants.SelectMany(v => new[] { MadeTrials.Trial(v, 0, 0.1, 0.3, [1e-3]), MadeTrials.Trial(v, 1, 0.2, 0.6, [1e-4]) })];
        using var figure = BudgetPlot.Requests(trials, VariantStyles.BuiltIn).Single().Draw();

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.GreaterThan(1));
            Assert.That(figure.Panels.Select(p => p.Legend.GetItems().Count(i => !string.IsNullOrEmpty(i.LabelText))), Has.All.LessThanOrEqualTo(VariantFamilies.MaxLinesPerPanel));
            Assert.That(figure.Panels.Sum(p => p.Legend.GetItems().Count(i => !string.IsNullOrEmpty(i.LabelText))), Is.EqualTo(variants.Length));
        });
    }

    [Test]
    public void Draw_EveryTrialDiverged_LegendStillNamesTheVariants()
    {
        TrialResult[] trials = [MadeTrials.Trial("adam", 0, 1, 0.9, [double.NaN]), MadeTrials.Trial("sgd", 0, 1, 0.9, [double.NaN])];
        using var figure = BudgetPlot.Requests(trials, VariantStyles.BuiltIn).Single().Draw();
        var labels = figure.Panels.Single().Legend.GetItems().Select(i => i.LabelText).Where(l => !string.IsNullOrEmpty(l));

        Assert.That(labels, Is.EqualTo(new[]
        {
            "adam (1 trial, 1 diverged or failed: counted as the worst finished): no finite score",
            "sgd (1 trial, 1 diverged or failed: counted as the worst finished): no finite score",
        }));
    }

    [Test]
    public void Requests_ClassificationWithAnInfimum_AccuracyOnALinearAxis()
    {
        TrialResult Accuracy(int trial, double accuracy) => MadeTrials.Of(
            "adam", trial, [InfimumRuns.Row("adam", 1, 0.1, accuracy) with { Lr = trial + 1 }], new Dictionary<string, double> { ["lr"] = trial / 2.0 });
        var request = BudgetPlot.Requests([Accuracy(0, 0.7), Accuracy(1, 0.9), Accuracy(2, 0.8)], VariantStyles.BuiltIn).Single();
        using var figure = request.Draw();
        var limits = figure.Panels.Single().Axes.GetLimits();

        Assert.Multiple(() =>
        {
            Assert.That(request.File.AltText, Does.StartWith("Expected best median accuracy of k trials"));
            Assert.That(figure.Panels.Single().Axes.Left.TickGenerator, Is.Not.InstanceOf<DecadeTicks>());
            // The band in view: at k = 1 the mean 0.8 minus the population sd √(0.02/3) of {0.7, 0.8, 0.9}; at k = 3 the mean
            // 0.7/27 + 0.8·7/27 + 0.9·19/27 ≈ 0.863 plus its sd, clipped to the best trial's 0.9.
            Assert.That((limits.Bottom < 0.8 - Math.Sqrt(0.02 / 3), limits.Top >= 0.9), Is.EqualTo((true, true)));
        });
    }
}
