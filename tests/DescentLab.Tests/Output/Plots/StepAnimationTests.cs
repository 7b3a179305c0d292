using DescentLab.Core.Training;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary>With <c>record: step</c> the fit animation counts updates: 3 epochs of 20 beans are 60 updates, 61 states,
/// so it holds the most frames a GIF may (by epochs it would hold 4).</summary>
public sealed class StepAnimationTests
{
    [Test]
    public void Write_StepRecords_OneFramePerShownUpdate()
    {
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 20)],
            variants: [TestConfigs.Variant("rosenblatt", ("lr", [0.1]))],
            maxEpochs: 3,
            record: RecordMode.Step), resolveConfig: true);
        var request = new FitAnimationPlot().Plan(set).Single();
        using var folder = new TempFolder();
        string path = folder.PathOf("steps.gif");

        request.Write!(path);

        using var codec = SKCodec.Create(path);
        Assert.Multiple(() =>
        {
            Assert.That(codec.FrameCount, Is.EqualTo(FitAnimationPlot.MaxFrames));
            Assert.That(request.File.AltText, Does.Contain("after each shown update").And.Contain("the title counts the updates"));
        });
    }
}
