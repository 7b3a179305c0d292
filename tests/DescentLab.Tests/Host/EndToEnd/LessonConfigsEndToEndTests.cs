using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>Every config of configs/lessons runs in the real executable and reports what its report block chooses: the
/// lesson's title and texts, its figures (GIFs under 1 MB), and none of the sections it leaves out.</summary>
[NonParallelizable]
public sealed class LessonConfigsEndToEndTests
{
    private static readonly string[] Lessons = ["lesson3", "lesson4", "lesson5", "lesson6", "lesson7"];

    private TempFolder _temp = null!;
    private DescentLabProcess.Result _result = null!;

    [OneTimeSetUp]
    public void RunAllLessons()
    {
        _temp = new TempFolder();
        string configs = Path.Combine(RepositoryRoot(), "configs", "lessons");
        string[] args = ["run", .. Lessons.Select(l => Path.Combine(configs, l + ".yaml")), "--out", "out", "--parallel", "2"];
        _result = DescentLabProcess.Run(_temp.FullPath, args);
    }

    [OneTimeTearDown]
    public void Cleanup() => _temp.Dispose();

    [TestCaseSource(nameof(Lessons))]
    public void Lesson_Runs_ReportShowsItsTitleTextsAndFigures_NotTheLeftOutSections(string lesson)
    {
        Assert.That(_result.ExitCode, Is.EqualTo(0), _result.Error);
        string run = _temp.PathOf(Path.Combine("out", lesson));
        string report = File.ReadAllText(Path.Combine(run, "report.md"));
        var images = Directory.GetFiles(Path.Combine(run, "plots")).Select(f => Path.GetFileName(f)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(report, Does.StartWith("# Lesson " + lesson[^1..] + ":"));
            Assert.That(report, Does.Not.Contain("## Regression check").And.Not.Contain("Performance profile").And.Not.Contain("## Across problems"));
            Assert.That(report, Does.Not.Contain("Not rendered"));
            Assert.That(images, Has.None.StartWith("profile-").And.None.StartWith("trend-").And.None.StartWith("lr-"));
            foreach (string image in images)
            {
                Assert.That(report, Does.Contain("](plots/" + image + ")"), $"report.md shows {image}");
            }

            foreach (string gif in images.Where(i => i.EndsWith(".gif", StringComparison.Ordinal)))
            {
                Assert.That(new FileInfo(Path.Combine(run, "plots", gif)).Length, Is.LessThanOrEqualTo(FitAnimationPlot.MaxBytes), gif);
            }
        });
    }

    [Test]
    public void Lessons_EachHasItsCourseFigure()
    {
        Assert.That(_result.ExitCode, Is.EqualTo(0), _result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(Images("lesson3"), Has.Some.StartWith("cost-beans1-n100-origin").And.Some.StartWith("animation-"));
            Assert.That(Images("lesson4"), Has.Some.StartWith("surface-beans2-n100-affine").And.Some.StartWith("animation-beans2-n100-affine"));
            Assert.That(Images("lesson5"), Has.Some.StartWith("surface-beans3-n100-logistic").And.Some.StartWith("animation-beans3-n100-logistic"));
            Assert.That(Images("lesson6"), Has.Some.StartWith("animation-beans4-n100-mlp-h2").And.Some.StartWith("fit-beans4-n100-mlp-h2"));
            Assert.That(Images("lesson7"), Has.Some.StartWith("probability-beans5").And.Some.StartWith("probability-beans6"));
        });
    }

    private List<string?> Images(string lesson) =>
        [.. Directory.GetFiles(_temp.PathOf(Path.Combine("out", lesson, "plots"))).Select(Path.GetFileName)];

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
