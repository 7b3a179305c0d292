using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;
using static DescentLab.Tests.Support.GifFrames;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The fit animation: a real animated GIF, small, of the planned frames, byte-identical on every render.</summary>
public sealed class FitAnimationPlotTests
{
    [Test]
    public void Write_Beans1Origin_IsAnAnimatedGifOfSixtyFramesAndTheFrameSize_SameBytesTwice()
    {
        var request = new FitAnimationPlot().Plan(TestRunSets.Small).Single(r => r.File.Problem!.Model == "origin");
        using var folder = new TempFolder();
        string first = folder.PathOf("first.gif");
        string second = folder.PathOf("second.gif");

        request.Write!(first);
        request.Write!(second);

        byte[] bytes = File.ReadAllBytes(first);
        using var codec = SKCodec.Create(first);
        var start = Frame(codec, 0);
        var end = Frame(codec, codec.FrameCount - 1);
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 6), Is.EqualTo("GIF89a"));
            Assert.That(codec.EncodedFormat, Is.EqualTo(SKEncodedImageFormat.Gif));
            Assert.That((codec.Info.Width, codec.Info.Height), Is.EqualTo((FitAnimationPlot.FrameWidth, FitAnimationPlot.FrameHeight)));
            // 60 epochs give 61 states (epoch 0 included), one more than a GIF may hold.
            Assert.That(codec.FrameCount, Is.EqualTo(FitAnimationPlot.MaxFrames));
            Assert.That(codec.RepetitionCount, Is.EqualTo(-1), "loops forever");
            Assert.That(bytes, Has.Length.LessThan(1 << 20));
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(bytes));
            Assert.That(PngImage.Measure(start, 0, start.Height).LuminanceVariance, Is.GreaterThan(100), "first frame blank");
            Assert.That(Differing(start, end), Is.GreaterThan(0.005), "the fit does not move between the first and last frames");
        });
    }
}
