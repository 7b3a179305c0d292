using System.Text.Json;
using DescentLab.Experiments.Config;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>The course keys of the report block (<c>course</c>, <c>cost_at</c>) and config folders: what they read, the
/// errors they give, and the shipped lessons' order.</summary>
public sealed class CourseConfigTests
{
    private const string Base =
        """
        name: c
        seeds: [1]
        datasets: [{ recipe: beans1, n: 10 }]
        models: [origin]
        variants: [closed_form]
        report:

        """;

    [Test]
    public void Load_CourseAndCostAt_ReadAndKeptInTheResolvedConfig()
    {
        using var folder = new TempFolder();
        string path = folder.Write("c.yaml", Base + "  cost_at: [0.5, 2]\n  course: { order: 4, summary: \"Shows a bowl.\", thumbnail: cost }\n");

        var report = Load(path).Report;
        string json = JsonSerializer.Serialize(ResolvedConfig.From(Load(path)), ManifestJson);
        var lesson = ResolvedConfig.From(Load(RepoFiles.Config("lessons/lesson1.yaml")));
        var read = JsonSerializer.Deserialize<ResolvedConfig>(JsonSerializer.Serialize(lesson, ManifestJson), ManifestJson)!.Report!;

        Assert.Multiple(() =>
        {
            Assert.That(report.CostAt, Is.EqualTo(new[] { 0.5, 2.0 }));
            Assert.That(report.Course, Is.EqualTo(new CourseEntry(4, "Shows a bowl.", "cost")));
            Assert.That(report.Exercises, Is.Null);
            Assert.That(json, Does.Contain("\"cost_at\"").And.Contain("\"course\""));
            Assert.That(json, Does.Not.Contain("exercises"), "absent keys stay out of the manifest");
            Assert.That(read.Course, Is.EqualTo(lesson.Report!.Course), "re-rendering reads the course entry back");
            Assert.That(read.Exercises!.Select(e => (string.Join(" ", e.Try), e.Says, e.Expect.Count)),
                Is.EqualTo(lesson.Report.Exercises!.Select(e => (string.Join(" ", e.Try), e.Says, e.Expect.Count))), "and the exercises");
        });
    }

    [TestCase("  course: { summary: \"x\" }\n", "c.yaml:7:11: report.course: missing required key 'order'")]
    [TestCase("  course: { order: 0, summary: \"x\" }\n", "c.yaml:7:20: report.course.order: expected a position, an integer in [1, 10000], got 0")]
    [TestCase("  course: { order: 1, summary: \"x\", thumbnail: cots }\n", "c.yaml:7:48: report.course.thumbnail: unknown section 'cots' (did you mean 'cost'?); valid sections: headline, ")]
    [TestCase("  cost_at: []\n", "c.yaml:7:12: report.cost_at: expected a non-empty list of parameter values, e.g. [0.5, 1.0, 2.0], got an empty list")]
    public void Load_CourseMistake_ErrorWithPlace(string block, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.Write("c.yaml", Base + block);

        var errors = ConfigLoader.Load(path, ConfigLimits.Default, ReportSections.Names).Errors.Select(e => e.ToString()).ToList();

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith(Path.GetDirectoryName(path) + Path.DirectorySeparatorChar + expected));
    }

    [Test]
    public void Expand_Folder_ItsConfigsInFileNameOrder_FilesAsGiven_EmptyFolderAnError()
    {
        using var folder = new TempFolder();
        folder.Write("lessons/b.yaml", "x");
        folder.Write("lessons/a.json", "x");
        folder.Write("lessons/notes.txt", "x");
        Directory.CreateDirectory(folder.PathOf("empty"));

        var paths = ConfigPaths.Expand([folder.PathOf("lessons"), "one.yaml", folder.PathOf("empty")], out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(paths, Is.EqualTo(new[] { folder.PathOf("lessons", "a.json"), folder.PathOf("lessons", "b.yaml"), "one.yaml" }));
            Assert.That(errors, Is.EqualTo(new[] { folder.PathOf("empty") + ": a folder without configs (*.yaml, *.yml or *.json)" }));
        });
    }

    [Test]
    public void ShippedLessons_FormACourseInFileNameOrder()
    {
        var paths = ConfigPaths.Expand([Path.GetDirectoryName(RepoFiles.Config("lessons/lesson1.yaml"))!], out _);

        var orders = paths.Select(p => (Path.GetFileNameWithoutExtension(p), Load(p).Report.Course?.Order)).ToList();

        Assert.That(orders, Is.EqualTo(Enumerable.Range(1, 7).Select(i => ($"lesson{i}", (int?)i))));
    }

    // The manifest's JSON conventions: snake_case names, nulls written unless a property says otherwise.
    private static readonly JsonSerializerOptions ManifestJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static ExperimentConfig Load(string path)
    {
        var loaded = ConfigLoader.Load(path, ConfigLimits.Default, ReportSections.Names);
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        return loaded.Config!;
    }
}
