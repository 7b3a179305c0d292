using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Axes frame what a figure is about: the origin of an origin model, the paths of a surface, and no "optimum"
/// drawn for an infimum.</summary>
public sealed class FigureFrameTests
{
    [Test]
    public void Lesson4_OriginFit_FrameHoldsTheOrigin()
    {
        var set = SettingPaletteTests.SetOf("lessons/lesson4.yaml");
        var request = new FittedLinesPlot().Plan(set).Single(r => r.File.Problem!.Model == "origin");
        using var figure = request.Draw();

        foreach (var panel in figure.Panels)
        {
            var limits = panel.Axes.GetLimits();
            Assert.That(limits.Contains(new Coordinates(0, 0)), Is.True, $"{limits} holds (0, 0)");
        }
    }

    [Test]
    public void Lesson4_OriginAnimation_FirstFrameShowsEveryStartingLine()
    {
        var set = SettingPaletteTests.SetOf("lessons/lesson4.yaml");
        var palette = SettingPalette.From(set);
        var request = new FitAnimationPlot().Plan(set).Single(r => r.File.Problem!.Model == "origin");
        using var folder = new TempFolder();
        string path = folder.PathOf("origin.gif");
        request.Write!(path);

        using var codec = SKCodec.Create(path);
        using var first = new SKBitmap(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        Assert.That(codec.GetPixels(first.Info, first.GetPixels(), new SKCodecOptions(0)), Is.EqualTo(SKCodecResult.Success));
        // Every iterative setting starts at w = 0.1 (the config's init): the same line y = 0.1 x for all of them, drawn one
        // over the other, which a frame clipped to the beans' y (0.35 to 1.35) hid.
        var colours = set.Rows.Where(r => r.Model == "origin" && r.Variant != "closed_form")
            .Select(r => palette.ColourOf(DescentLab.Experiments.Analysis.VariantSetting.From(r))).Distinct().ToList();
        int pixels = Count(first, c => colours.Any(colour => ColourDifference.DeltaE((c.Red, c.Green, c.Blue), (colour.R, colour.G, colour.B)) < 8));

        Assert.That(pixels, Is.GreaterThan(300), "the starting line in frame 0 (the legend's swatches are about 100 pixels)");
    }

    [Test]
    public void Nightly_Beans3Surface_FramedOnThePaths_FarOptimumMarkedOnTheEdge()
    {
        var request = new ErrorSurfacePlot().Plan(TestRunSets.Nightly).Single(r => r.File.Problem!.Dataset == "beans3");
        using var figure = request.Draw();

        foreach (var panel in figure.Panels)
        {
            var limits = panel.Axes.GetLimits();
            var edge = panel.GetPlottables<Marker>().Single(m => m.LegendText.Contains(" off frame at ", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(limits.Right - limits.Left, Is.LessThan(50), "framed on the paths, not on the optimum at w > 100");
                Assert.That(limits.Contains(edge.Location), Is.True);
            });
        }
    }

    [Test]
    public void Lesson6_InfimumFit_DrawsNoOptimum_ExactFitKeepsIt()
    {
        var set = SettingPaletteTests.SetOf("lessons/lesson6.yaml");
        var kinds = set.Manifest.Problems.GroupBy(p => p.Model).ToDictionary(g => g.Key, g => g.First().Kind);

        foreach (var request in new FittedLinesPlot().Plan(set))
        {
            using var figure = request.Draw();
            var legends = figure.Panels.SelectMany(p => p.GetPlottables<Scatter>()).Select(s => s.LegendText).ToList();
            bool infimum = kinds[request.File.Problem!.Model] == DescentLab.Core.Metrics.ReferenceKind.Infimum;
            Assert.That(legends.Count(l => l.StartsWith("optimum", StringComparison.Ordinal)), infimum ? Is.Zero : Is.Positive, request.File.RelativePath);
            Assert.That(request.File.AltText, infimum ? Does.Contain("no optimum is drawn: L* is an infimum") : Does.Contain("reference optimum"));
        }

        Assert.That(kinds.Values, Has.Some.EqualTo(DescentLab.Core.Metrics.ReferenceKind.Infimum), "lesson 6 has an infimum problem");
    }

    private static int Count(SKBitmap bitmap, Func<SKColor, bool> match)
    {
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                count += match(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }
}
