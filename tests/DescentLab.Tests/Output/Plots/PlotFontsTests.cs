using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

public sealed class PlotFontsTests
{
    [Test]
    public void Family_ResolvesToDejaVuSans_OnAMachineWithFonts()
    {
        // Fails on a machine with no fonts (PlotFonts throws) or without DejaVu Sans: install fonts-dejavu-core.
        PlotFonts.Configure();
        string family = PlotFonts.Family;
        using var typeface = SKTypeface.FromFamilyName(family);
        Assert.Multiple(() =>
        {
            Assert.That(family, Is.EqualTo(PlotFonts.Preferred));
            Assert.That(typeface.FamilyName, Is.EqualTo("DejaVu Sans"));
            Assert.That(Fonts.Default, Is.EqualTo("DejaVu Sans"));
        });
    }

    [Test]
    public void Text_Renders_GlyphsDarkenAnOtherwiseEmptyImage()
    {
        // With no usable font ScottPlot draws no text and raises no error; this catches that.
        PlotFonts.Configure();
        double empty = DarkShare(withText: false);
        double text = DarkShare(withText: true);
        Assert.That(text, Is.GreaterThan(empty + 0.01), "the glyphs should darken the image");
    }

    private static double DarkShare(bool withText)
    {
        using var plot = new Plot();
        plot.HideAxesAndGrid();
        if (withText)
        {
            var label = plot.Add.Text("Gradient descent", 0, 0);
            label.LabelFontSize = 40;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Axes.SetLimits(-1, 1, -1, 1);
        using var image = plot.GetImage(500, 200);
        using var bitmap = SKBitmap.Decode(image.GetImageBytes(ImageFormat.Png, 100));
        return PngImage.Measure(bitmap, 0, bitmap.Height).DarkShare;
    }
}
