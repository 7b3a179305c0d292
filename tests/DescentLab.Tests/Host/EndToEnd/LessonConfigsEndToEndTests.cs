using System.Text.RegularExpressions;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>The folder configs/lessons runs through the command line as a course: each lesson reports what its report block
/// chooses (the lesson's title and texts, its figures, GIFs under 1 MB, none of the sections it leaves out), and the
/// course page lists the seven lessons in order with links that resolve, also in a browser.</summary>
public sealed partial class LessonConfigsEndToEndTests
{
    private static readonly string[] Lessons = ["lesson1", "lesson2", "lesson3", "lesson4", "lesson5", "lesson6", "lesson7"];

    private TempFolder _temp = null!;
    private DescentLabProcess.Result _result = null!;

    [OneTimeSetUp]
    public void RunAllLessons()
    {
        _temp = new TempFolder();
        string configs = Path.Combine(RepositoryRoot(), "configs", "lessons");
        string[] args = ["run", configs + Path.DirectorySeparatorChar, "--out", "out", "--parallel", "2"];
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
            Assert.That(Images("lesson1"), Has.Some.StartWith("animation-beans1-n100-origin").And.Some.StartWith("convergence-"));
            Assert.That(Images("lesson2"), Has.Some.StartWith("cost-beans1-n100-origin").And.Some.StartWith("fit-"));
            Assert.That(Images("lesson3"), Has.Some.StartWith("cost-beans1-n100-origin").And.Some.StartWith("animation-"));
            Assert.That(Images("lesson4"), Has.Some.StartWith("surface-beans2-n100-affine").And.Some.StartWith("animation-beans2-n100-affine"));
            Assert.That(Images("lesson5"), Has.Some.StartWith("surface-beans3-n100-logistic").And.Some.StartWith("animation-beans3-n100-logistic"));
            Assert.That(Images("lesson6"), Has.Some.StartWith("animation-beans4-n100-mlp-h2").And.Some.StartWith("fit-beans4-n100-mlp-h2"));
            Assert.That(Images("lesson7"), Has.Some.StartWith("probability-beans5").And.Some.StartWith("probability-beans6")
                .And.Some.StartWith("animation-beans5").And.Some.StartWith("animation-beans6"));
        });
    }

    [Test]
    public void CoursePage_ListsTheSevenLessonsInOrder_EveryRelativeLinkResolves()
    {
        Assert.That(_result.ExitCode, Is.EqualTo(0), _result.Error);
        string folder = _temp.PathOf(Path.Combine("out", "course"));
        string index = File.ReadAllText(Path.Combine(folder, "index.md"));
        string html = File.ReadAllText(Path.Combine(folder, "index.html"));
        var reports = LinkRegex().Matches(index).Select(m => m.Groups[1].Value).Where(l => l.EndsWith("report.md", StringComparison.Ordinal)).Distinct().ToList();
        var pages = HrefRegex().Matches(html).Select(m => m.Groups[1].Value).Where(l => !l.StartsWith('#')).Distinct().ToList();
        var navigation = Lessons.Select(l => File.ReadAllText(_temp.PathOf(Path.Combine("out", l, "report.md")))).Select(r => r.Split('\n')[2]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reports, Is.EqualTo(Lessons.Select(l => $"../{l}/report.md")));
            Assert.That(pages, Is.EqualTo(Lessons.Select(l => $"../{l}/report.html")));
            Assert.That(LinkRegex().Matches(index).Select(m => m.Groups[1].Value).Where(l => !File.Exists(Path.Combine(folder, l))), Is.Empty);
            Assert.That(pages.Where(l => !File.Exists(Path.Combine(folder, l))), Is.Empty);
            Assert.That(navigation, Has.All.StartWith("**Course:** [index of the course](../course/index.md)"));
            Assert.That(navigation[0], Does.Contain("next: [Lesson 2:").And.Not.Contain("previous:"));
            Assert.That(navigation[6], Does.Contain("previous: [Lesson 6:").And.Not.Contain("next:"));
        });
    }

    [Test]
    [Category("Browser")]
    public void CoursePage_InHeadlessChromium_EveryThumbnailLoads_SevenLessonLinks()
    {
        Assert.That(_result.ExitCode, Is.EqualTo(0), _result.Error);
        string folder = _temp.PathOf(Path.Combine("out", "course"));
        string probe = Path.Combine(folder, "probe.html");
        File.WriteAllText(probe, File.ReadAllText(Path.Combine(folder, "index.html")).Replace("</body>", Probe + "\n</body>", StringComparison.Ordinal));
        using var profile = new TempFolder();

        string dom = HeadlessChromium.DumpDom(probe, profile.FullPath);

        var match = ResultRegex().Match(dom);
        Assert.That(match.Success, Is.True, "the probe script did not run; DOM was:\n" + dom[..Math.Min(dom.Length, 2000)]);
        Assert.That(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value), Is.EqualTo("{\"images\":7,\"broken\":0,\"lessons\":7}"));
    }

    private const string Probe = """
        <script>
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.images);
          var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); }).length;
          var lessons = {};
          Array.prototype.forEach.call(document.querySelectorAll('main a[href$="report.html"]'), function (a) { lessons[a.getAttribute('href')] = true; });
          var out = document.createElement('pre');
          out.id = 'probe-result';
          out.textContent = JSON.stringify({ images: images.length, broken: broken, lessons: Object.keys(lessons).length });
          document.body.appendChild(out);
        });
        </script>
        """;

    [GeneratedRegex("\\]\\(([^)]+)\\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefRegex();

    [GeneratedRegex("<pre id=\"probe-result\">([^<]*)</pre>")]
    private static partial Regex ResultRegex();

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
