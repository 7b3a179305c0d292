using DescentLab.Core.Models;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;
using static DescentLab.Tests.Support.GifFrames;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The 2-D animation: a real animated GIF within the course's limits, the same bytes on every render, and its
/// last frame the trained model, whose drawn boundary separates the classes it predicts.</summary>
public sealed class MapAnimationPlotTests
{
    // 80 epochs give 81 states, more than a GIF may hold, so the frames must be chosen.
    private static readonly Lazy<RunSet> Set = new(() => TestRunSets.Run(TestConfigs.Create(
        datasets: [TestConfigs.Recipe("beans6", 40, 2, new ModelConfig("mlp", LossKind.CrossEntropy) { Hidden = 3 })],
        variants: [TestConfigs.Variant("adam", ("lr", [0.1]))],
        maxEpochs: 80)));

    [Test]
    public void Write_Beans6Mlp_AnimatedGifOfAtMostSixtyFramesUnderOneMegabyte_SameBytesTwice()
    {
        var request = new MapAnimationPlot().Plan(Set.Value).Single();
        using var folder = new TempFolder();
        string first = folder.PathOf("first.gif");
        string second = folder.PathOf("second.gif");

        request.Write!(first);
        request.Write!(second);

        byte[] bytes = File.ReadAllBytes(first);
        using var codec = SKCodec.Create(first);
        using var start = Frame(codec, 0);
        using var end = Frame(codec, codec.FrameCount - 1);
        Assert.Multiple(() =>
        {
            Assert.That(request.File.RelativePath, Is.EqualTo("plots/animation-beans6-n40-mlp-h3-cross_entropy.gif"));
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 6), Is.EqualTo("GIF89a"));
            Assert.That((codec.Info.Width, codec.Info.Height), Is.EqualTo((MapAnimationPlot.FrameWidth, MapAnimationPlot.FrameHeight)));
            Assert.That(codec.FrameCount, Is.InRange(2, FitAnimationPlot.MaxFrames));
            Assert.That(bytes, Has.Length.LessThan(FitAnimationPlot.MaxBytes));
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(bytes));
            Assert.That(Differing(start, end), Is.GreaterThan(0.01), "the map does not change between the first and last frames");
        });
    }

    [Test]
    public void Plan_OneDimensionalData_NoMapAnimation()
    {
        var set = TestRunSets.Run(TestConfigs.Create(datasets: [TestConfigs.Recipe("beans1", 20)], variants: [TestConfigs.Variant("batch", ("lr", [0.1]))], maxEpochs: 3));

        Assert.That(new MapAnimationPlot().Plan(set), Is.Empty);
    }

    /// <summary>The last frame shows the run's final state (its epoch is the run's last); the boundary drawn for it has
    /// the two predicted classes on its two sides, and the trained network calls most beans right.</summary>
    [Test]
    public void LastFrame_TheTrainedModel_ItsBoundarySeparatesThePredictedClasses()
    {
        var row = Set.Value.Rows.Single();
        var handle = ModelCatalog.FromKey(row.Model, 2, LossKind.CrossEntropy)!;
        var parameters = row.FinalParameters.ToDictionary(p => p.Key, p => p.Value);
        double[] theta = [.. handle.ParameterNames.Select(n => parameters[n])];
        var data = Set.Value.Datasets[row.DatasetKey];
        var area = ProbabilityMapPlot.Area(data);
        double offset = (area.Right - area.Left) * 0.01;
        Assert.That(Set.Value.Curves.TryRead(row.RunId, out var curve), Is.True);
        Assert.That(curve!.ParametersAt(curve.Count - 1).ToArray(), Is.EqualTo(theta), "the last frame's parameters are the run's final ones");

        var segments = ProbabilityMapPlot.LearnedBoundary(handle, theta, area);

        Assert.That(segments, Has.Count.GreaterThan(20));
        foreach (var (a, b) in segments)
        {
            double length = Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
            double mx = (a.X + b.X) / 2;
            double my = (a.Y + b.Y) / 2;
            double nx = -(b.Y - a.Y) / length * offset;
            double ny = (b.X - a.X) / length * offset;
            Assert.That(handle.Predict(theta, mx + nx, my + ny) >= 0.5, Is.Not.EqualTo(handle.Predict(theta, mx - nx, my - ny) >= 0.5));
        }
    }
}
