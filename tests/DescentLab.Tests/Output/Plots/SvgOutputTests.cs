using System.Xml.Linq;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary><c>report: { formats: [png, svg] }</c>: every static figure is also written as SVG, with its text as text in the
/// plots' font; animations stay GIF only.</summary>
public sealed class SvgOutputTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<TestCaseData> StaticKinds() =>
        // Animations stay GIF; a budget figure needs tuning trials, which the small set has none of.
        DefaultPlots.All.Where(p => p is not (FitAnimationPlot or MapAnimationPlot or BudgetPlot)).Select(p => new TestCaseData(p).SetName($"Svg_{p.Name}"));

    [TestCaseSource(nameof(StaticKinds))]
    public void Svg_IsWellFormed_Deterministic_TheSizeOfThePng_WithItsTitlesLabelsAndLegendAsText(IPlot plot)
    {
        var request = plot.Plan(TestRunSets.Small).FirstOrDefault(r => r.Write is null);
        Assert.That(request, Is.Not.Null, $"the small run set has a {plot.Name} figure");
        using var figure = request!.Draw();
        using var again = request.Draw();

        string svg = figure.RenderSvg(PlotFigure.Width, figure.Height);
        string second = again.RenderSvg(PlotFigure.Width, again.Height);
        using var png = SKBitmap.Decode(figure.RenderPng(PlotFigure.Width, figure.Height));

        var document = XDocument.Parse(svg);
        var root = document.Root!;
        var texts = document.Descendants(Svg + "text").ToList();
        var shown = texts.Select(t => t.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var expected = figure.Panels
            .SelectMany(p => new[] { p.Axes.Title.Label.Text, p.Axes.Bottom.Label.Text, p.Axes.Left.Label.Text }
                .Concat(p.Legend.GetItems().Select(i => i.LabelText)))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct()
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(svg), "the same figure gives the same SVG text");
            Assert.That(root.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(((int)double.Parse(root.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture), (int)double.Parse(root.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo((png.Width, png.Height)));
            Assert.That(
                document.Descendants(Svg + "rect").Where(r => r.Attribute("fill") is null && r.Attribute("x") is null && r.Attribute("width")?.Value == root.Attribute("width")!.Value),
                Is.Empty,
                "no unfilled (so black) rectangle over the whole figure, as a cleared canvas would write");
            Assert.That(expected, Is.Not.Empty, "a figure has a title, axis labels or a legend");
            Assert.That(expected.Where(t => !shown.Contains(t)), Is.Empty, $"every title, axis label and legend entry is a <text> of the SVG; it has: {string.Join(" | ", shown.Take(40))}");
            Assert.That(texts.Select(t => t.Attribute("font-family")?.Value).Distinct(), Is.EqualTo(new[] { PlotFonts.Family }), "the PNG's font family names every text");
        });
    }

    [Test]
    public void Render_WithSvg_WritesAnSvgNextToEachStaticImage_NoneForTheAnimation_AndDropsThemWhenNoLongerAsked()
    {
        using var temp = new TempFolder();
        var set = WithFormats(TestRunSets.Small, [PlotFormats.Png, PlotFormats.Svg]);
        IReadOnlyList<IPlot> plots = [new ConvergencePlot(), new Animation()];

        var report = ReportRenderer.Render(set, temp.FullPath, plots, 2);
        var written = Directory.GetFiles(temp.PathOf("plots"), "*.svg").Select(p => "plots/" + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        var again = ReportRenderer.Render(WithFormats(set, [PlotFormats.Png]), temp.FullPath, plots, 2);

        var pngs = report.Plots.Where(f => f.RelativePath.EndsWith(".png", StringComparison.Ordinal)).ToList();
        var gifs = report.Plots.Where(f => f.RelativePath.EndsWith(".gif", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pngs, Is.Not.Empty);
            Assert.That(gifs, Is.Not.Empty);
            Assert.That(pngs.Select(f => f.SvgRelativePath), Is.EqualTo(pngs.Select(f => Path.ChangeExtension(f.RelativePath, ".svg"))));
            Assert.That(gifs.Select(f => f.SvgRelativePath), Has.All.Null, "an animation stays GIF only");
            Assert.That(report.Written, Is.SupersetOf(pngs.Select(f => f.SvgRelativePath)));
            Assert.That(written, Is.EqualTo(pngs.Select(f => f.SvgRelativePath).Order(StringComparer.Ordinal)), "the files on disk");
            Assert.That(Directory.GetFiles(temp.PathOf("plots"), "*.svg"), Is.Empty, "a render without svg drops the SVGs of an earlier one");
            Assert.That(again.Plots.Select(f => f.SvgRelativePath), Has.All.Null);
        });
    }

    [Test]
    public void Render_Default_WritesNoSvg()
    {
        using var temp = new TempFolder();

        var files = PlotRenderer.Render(TestRunSets.Small, [new ConvergencePlot()], temp.FullPath, 2);

        Assert.That(files.Select(f => f.SvgRelativePath), Has.All.Null);
        Assert.That(Directory.GetFiles(temp.PathOf("plots"), "*.svg"), Is.Empty);
    }

    /// <summary>An animation as the renderer sees one: an image that writes itself (a GIF in the real one).</summary>
    private sealed class Animation : IPlot
    {
        public string Name => "animation";

        public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        [
            new PlotRequest(new PlotFile("plots/animation.gif", "Animation", "A stand-in animation.", null), new ConvergencePlot().Plan(set)[0].Draw)
            {
                Write = path => File.WriteAllBytes(path, "GIF89a"u8.ToArray()),
            },
        ];
    }

    private static RunSet WithFormats(RunSet set, IReadOnlyList<string> formats)
    {
        var resolved = set.Manifest.ResolvedConfig;
        var report = (resolved.Report ?? ReportConfig.Default) with { Formats = formats };
        return set with { Manifest = set.Manifest with { ResolvedConfig = resolved with { Report = report } } };
    }
}
