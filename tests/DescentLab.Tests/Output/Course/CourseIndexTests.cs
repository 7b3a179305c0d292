using System.Text.RegularExpressions;
using DescentLab.Experiments.Config;
using DescentLab.Output.Course;
using DescentLab.Tests.Support;
using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Output.Course;

/// <summary>The course page over lesson folders: lessons in course order with their summaries, thumbnails and working
/// relative links, and in each lesson's report a line linking the index and its neighbours.</summary>
public sealed partial class CourseIndexTests
{
    [Test]
    public void Course_FewerThanTwoLessons_IsNoCourse_AndOrderDecidesBeforeName()
    {
        var b = new CourseLesson("b", "B", new CourseEntry(1, "b."), "/r/b");
        var a = new CourseLesson("a", "A", new CourseEntry(2, "a."), "/r/a");
        var c = new CourseLesson("c", "C", new CourseEntry(2, "c."), "/r/c");

        Assert.Multiple(() =>
        {
            Assert.That(CourseLesson.Course([b, null]), Is.Empty);
            Assert.That(CourseLesson.Course([c, a, b]).Select(l => l.Name), Is.EqualTo(new[] { "b", "a", "c" }));
        });
    }

    [Test]
    public void Write_ThreeLessons_IndexListsThemInOrder_EveryLinkResolves_ReportsLinkBack()
    {
        using var root = new TempFolder();
        var course = CourseLesson.Course(
        [
            Lesson(root, "second", 2, "Lesson two: the bowl", "fit"),
            Lesson(root, "first", 1, "Lesson one: a line", null),
            Lesson(root, "third", 3, "Lesson three", "cost"),
        ]);
        string indexFolder = root.PathOf("course");

        string html = CourseIndex.Write(course, indexFolder);
        CourseIndex.Write(course, indexFolder);

        string index = File.ReadAllText(Path.Combine(indexFolder, CourseIndex.MarkdownFile));
        string second = File.ReadAllText(root.PathOf("second/report.md"));
        string secondHtml = File.ReadAllText(root.PathOf("second/report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(index, "^## (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value),
                Is.EqualTo(new[] { "Lesson one: a line", "Lesson two: the bowl", "Lesson three" }));
            Assert.That(index, Does.Contain("Summary of second. [Read lesson 2](../second/report.md) (`second`)."));
            Assert.That(index, Does.Contain("[![Thumbnail of second: fit-b.png](thumbs/second.png)](../second/report.md)"), "the first image of the kind named");
            Assert.That(index, Does.Contain("Thumbnail of first: cost-a.png"), "the report's first image");
            Assert.That(Links(index), Has.Count.EqualTo(9));
            Assert.That(Links(index).Where(l => !File.Exists(Path.Combine(indexFolder, l))), Is.Empty);
            Assert.That(Links(File.ReadAllText(html)).Where(l => !l.StartsWith('#')), Is.EqualTo(Links(index).Where(l => l.EndsWith(".md", StringComparison.Ordinal)).Select(l => l[..^2] + "html")));
            Assert.That(File.ReadAllText(html), Does.Contain("src=\"data:image/png;base64,"), "thumbnails embedded");
            Assert.That(second, Does.StartWith("# Lesson two: the bowl\n\n**Course:** [index of the course](../course/index.md) (lesson 2 of 3) · previous: "
                + "[Lesson one: a line](../first/report.md) · next: [Lesson three](../third/report.md)\n\nRun set"));
            Assert.That(Regex.Matches(second, "Course:"), Has.Count.EqualTo(1), "written once, however often the page is");
            Assert.That(Links(second).Where(l => !File.Exists(root.PathOf(Path.Combine("second", l)))), Is.Empty);
            Assert.That(secondHtml, Does.Contain("href=\"../course/index.html\"").And.Contain("href=\"../third/report.html\""));
            Assert.That(secondHtml, Does.Contain("src=\"data:image/png;base64,"), "the report's images stay embedded");
            Assert.That(File.ReadAllText(root.PathOf("first/report.md")), Does.Not.Contain("previous:"));
            Assert.That(File.ReadAllText(root.PathOf("third/report.md")), Does.Not.Contain("next:"));
        });
        using var thumbnail = SKBitmap.Decode(Path.Combine(indexFolder, "thumbs", "second.png"));
        Assert.That((thumbnail.Width, thumbnail.Height), Is.EqualTo((CourseIndex.ThumbnailWidth, 160)));
    }

    /// <summary>A lesson folder: report.md under its title with two images, cost-a.png and fit-b.png (640 × 320).</summary>
    private static CourseLesson Lesson(TempFolder root, string name, int order, string title, string? thumbnail)
    {
        Directory.CreateDirectory(root.PathOf(Path.Combine(name, "plots")));
        root.Write(Path.Combine(name, "report.md"), $"# {title}\n\nRun set `{name}`.\n\n![The cost](plots/cost-a.png)\n\n![The fit](plots/fit-b.png)\n");
        foreach (string image in new[] { "cost-a.png", "fit-b.png" })
        {
            using var bitmap = new SKBitmap(640, 320);
            bitmap.Erase(SKColors.SteelBlue);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(root.PathOf(Path.Combine(name, "plots", image)), data.ToArray());
        }

        var config = new ExperimentConfig
        {
            Name = name,
            SourcePath = "/dev/null",
            SourceHash = new string('0', 64),
            Seeds = [1],
            Datasets = [],
            Models = [],
            Variants = [],
            Init = new Dictionary<string, double>(),
            Stop = new StopConfig(),
            Report = ReportConfig.Default with { Title = title, Course = new CourseEntry(order, $"Summary of {name}.", thumbnail) },
        };
        return CourseLesson.Of(config, root.PathOf(name))!;
    }

    /// <summary>The targets of Markdown links and images, or of href and src attributes (not data URIs).</summary>
    private static List<string> Links(string text) =>
        [.. LinkRegex().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Where(l => !l.StartsWith("data:", StringComparison.Ordinal))];

    [GeneratedRegex("\\]\\(([^)]+)\\)|(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();
}
