using DescentLab.Output.Plots;
using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary>How a figure is encoded: an opaque RGB PNG whose empty grid cells are white.</summary>
public sealed class PlotFigureTests
{
    [Test]
    public void RenderPng_ThreePanels_RgbWithoutAlpha_EmptyCellWhite()
    {
        using var figure = PlotFigure.Create(3);

        byte[] png = figure.RenderPng(PlotFigure.Width, figure.Height);
        using var bitmap = SKBitmap.Decode(png);

        Assert.Multiple(() =>
        {
            // IHDR: 8-byte signature, 4-byte length, "IHDR", width, height, bit depth (byte 24), colour type (byte 25).
            Assert.That(png[25], Is.EqualTo(2), "colour type 2 = truecolour RGB, no alpha channel");
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((1000, 880)));
            // The fourth cell of the 2 × 2 grid has no panel: ScottPlot leaves it transparent, composed over white here.
            Assert.That(bitmap.GetPixel(900, 800), Is.EqualTo(SKColors.White));
        });
    }
}
