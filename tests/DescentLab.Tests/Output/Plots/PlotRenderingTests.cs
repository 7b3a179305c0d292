using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Every plot kind of <see cref="DefaultPlots"/> rendered for the small run set: real PNGs of the planned size, not blank.</summary>
public sealed class PlotRenderingTests
{
    /// <summary>Pixel size each kind should have for the small run set: 1000 wide; 440 per row of two panels, 560 for one panel.</summary>
    private static readonly Dictionary<string, int> ExpectedHeights = new()
    {
        ["convergence"] = 880,
        ["fit"] = 880,
        ["paths"] = 880,
        ["lr"] = 560,
        ["profile"] = 880, // one panel per variant family: two rows for the small set's families
        ["ecdf"] = 880,
        ["trend"] = 880,
        ["cost"] = 1760,
        ["surface"] = 880,
        ["animation"] = FitAnimationPlot.FrameHeight,
        ["probability"] = 1320,
    };

    private TempFolder _folder = null!;
    private IReadOnlyList<PlotFile> _files = [];

    // A budget figure needs tuning trials, which the small set has none of: BudgetPlotTests renders it.
    private static IEnumerable<IPlot> Plots => DefaultPlots.All.Where(p => p is not BudgetPlot);

    [OneTimeSetUp]
    public void RenderAll()
    {
        _folder = new TempFolder();
        _files = PlotRenderer.Render(TestRunSets.Small, DefaultPlots.All, _folder.FullPath, 2);
    }

    [OneTimeTearDown]
    public void Cleanup() => _folder.Dispose();

    [TestCaseSource(nameof(Plots))]
    public void Plot_SmallRunSet_RendersValidPngsOfTheExpectedSize_NotBlank(IPlot plot)
    {
        // Two plots may share a kind (the 1-D and 2-D animations), so each checks the images of its own plan.
        var own = plot.Plan(TestRunSets.Small).Select(r => r.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var files = _files.Where(f => own.Contains(f.RelativePath)).ToList();
        Assert.That(files, Is.Not.Empty, $"{plot.Name} planned no image for the small run set");
        foreach (var file in files)
        {
            Assert.That(file.Error, Is.Null, file.RelativePath);
            string path = Path.Combine(_folder.FullPath, file.RelativePath);
            var image = path.EndsWith(".gif", StringComparison.Ordinal) ? PngImage.LoadFirstGifFrame(path) : PngImage.Load(path);
            var (width, height) = plot is MapAnimationPlot ? (MapAnimationPlot.FrameWidth, MapAnimationPlot.FrameHeight)
                : (path.EndsWith(".gif", StringComparison.Ordinal) ? FitAnimationPlot.FrameWidth : PlotFigure.Width, ExpectedHeights[plot.Name]);
            Assert.Multiple(() =>
            {
                Assert.That(file.Kind, Is.EqualTo(plot.Name));
                Assert.That((image.Width, image.Height), Is.EqualTo((width, height)), file.RelativePath);
                Assert.That(image.LuminanceVariance, Is.GreaterThan(100), $"{file.RelativePath} looks blank");
                Assert.That(image.DarkShare, Is.GreaterThan(0.002), $"{file.RelativePath} has almost no dark pixels (no text or lines)");
                Assert.That(file.AltText, Has.Length.GreaterThan(40));
                Assert.That(file.RelativePath, Does.StartWith("plots/").And.EndWith(plot is FitAnimationPlot or MapAnimationPlot ? ".gif" : ".png"));
            });
        }
    }

    [Test]
    public void Render_SmallRunSet_FilesInPlanOrder_NoTemporaryFilesLeft()
    {
        var planned = DefaultPlots.All.SelectMany(p => p.Plan(TestRunSets.Small)).Select(r => r.File.RelativePath);
        Assert.Multiple(() =>
        {
            Assert.That(_files.Select(f => f.RelativePath), Is.EqualTo(planned));
            Assert.That(Directory.GetFiles(Path.Combine(_folder.FullPath, "plots")).Select(Path.GetFileName), Has.None.EndsWith(".tmp"));
            Assert.That(Directory.GetFiles(Path.Combine(_folder.FullPath, "plots")), Has.Length.EqualTo(_files.Count));
        });
    }

    [Test]
    public void Plan_TwoParameterModelsOn1DData_GetParameterPaths_OthersDoNot()
    {
        var paths = new ParameterPathsPlot().Plan(TestRunSets.Small).Select(r => r.File.Problem!.Label);
        Assert.That(paths, Is.EqualTo(new[] { "beans2 n=30, affine, mse", "beans3 n=30, logistic, mse" }));
    }
}
