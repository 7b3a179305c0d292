using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Plot cost and size do not grow with n or with the number of settings.</summary>
public sealed class PlotBoundsTests
{
    [Test]
    public void EvenSample_KeepsFirstAndLast_EvenlySpaced_AllWhenSmall()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EvenSample.Indices(5, 10), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(EvenSample.Indices(10, 4), Is.EqualTo(new[] { 0, 3, 6, 9 }));
            Assert.That(EvenSample.Indices(1_000_000, 3), Is.EqualTo(new[] { 0, 499_999, 999_999 }));
        });
    }

    [Test]
    public void MillionSampleDataset_EveryPlotHoldsABoundedNumberOfMarkers()
    {
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 1_000_000, 1, TestConfigs.Model("origin"))],
            variants: [TestConfigs.Variant("closed_form"), TestConfigs.Variant("batch", ("lr", [0.1]))],
            maxEpochs: 3));

        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in DefaultPlots.All.SelectMany(p => p.Plan(set)))
        {
            using var figure = request.Draw();
            points[request.File.RelativePath] = figure.Panels.SelectMany(p => p.GetPlottables<Scatter>()).Sum(s => s.Data.GetScatterPoints().Count);
        }

        string fit = points.Keys.Single(k => k.StartsWith("plots/fit-", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(points.Values, Has.All.LessThanOrEqualTo(FittedLinesPlot.MaxBeans + 1000), string.Join(", ", points));
            Assert.That(points[fit], Is.GreaterThanOrEqualTo(FittedLinesPlot.MaxBeans), "the sample of the beans is drawn");
        });
    }

    [Test]
    public void TenThousandValueSweep_PngsAndReportHaveBoundedSize()
    {
        double[] lrs = [.. Enumerable.Range(1, 10_000).Select(k => k * 1e-5)];
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 8, 1, TestConfigs.Model("origin"))],
            variants: [TestConfigs.Variant("sgd", ("lr", lrs))],
            maxEpochs: 2));
        using var folder = new TempFolder();

        var files = ReportRenderer.Render(set, folder.FullPath, 2).Plots;

        Assert.That(files, Is.Not.Empty);
        var report = File.ReadAllLines(folder.PathOf(ReportRenderer.MarkdownFile));
        Assert.Multiple(() =>
        {
            Assert.That(report, Has.Length.LessThan(400), "a leaderboard lists its leaders, not 10,000 settings");
            Assert.That(report.Max(l => l.Length), Is.LessThan(3000), "no alt text or legend lists every setting");
            Assert.That(report, Has.Some.Contains("sgd: 12 of 10000 settings"), "the ECDF says what it drew");
            Assert.That(new FileInfo(folder.PathOf(ReportRenderer.HtmlFile)).Length, Is.LessThan(1_500_000), "report.html embeds bounded images and text");
            Assert.That(report, Has.Some.EqualTo($"The {MarkdownReport.MaxLeaderboardRows} leaders of 10000 settings; every run is in `summary.csv`."));
            foreach (var file in files)
            {
                Assert.That(file.Error, Is.Null, file.RelativePath);
                var png = PngImage.Load(folder.PathOf(file.RelativePath));
                Assert.That(png.Height, Is.LessThanOrEqualTo(4 * PlotFigure.RowHeight), file.RelativePath);
                Assert.That(new FileInfo(folder.PathOf(file.RelativePath)).Length, Is.LessThan(1_000_000), file.RelativePath);
            }
        });
    }
}
