using System.Globalization;
using System.Text.RegularExpressions;
using DescentLab.Output.Files;
using DescentLab.Output.Report;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DescentLab.Output.Course;

/// <summary>The course page of a course run: index.md and a standalone index.html listing the lessons in order, each with a
/// thumbnail of one of its figures, its one-sentence summary and a relative link to its report; and, in each lesson's
/// report, a line linking the index and the neighbouring lessons (<see cref="CourseNavigation"/>).</summary>
public static partial class CourseIndex
{
    /// <summary>The folder of the course page under the reports root (or under <c>--out</c>).</summary>
    public const string Folder = "course";

    /// <summary>File name of the Markdown page.</summary>
    public const string MarkdownFile = "index.md";

    /// <summary>File name of the HTML page.</summary>
    public const string HtmlFile = "index.html";

    /// <summary>Width of a thumbnail in pixels.</summary>
    public const int ThumbnailWidth = 320;

    /// <summary>Writes the course page of <paramref name="course"/> into <paramref name="indexFolder"/> and the navigation
    /// line into every lesson's report.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(IReadOnlyList<CourseLesson> course, string indexFolder)
    {
        string thumbs = Path.Combine(indexFolder, "thumbs");
        Directory.CreateDirectory(thumbs);
        var markdown = new StringWriter(CultureInfo.InvariantCulture);
        var md = new MarkdownWriter(markdown);
        md.Heading(1, "The course");
        md.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{course.Count} lessons, in order. Each is a report of its own, with notes whose claims are checked on its runs; each report links back here and to its neighbours."));
        for (int i = 0; i < course.Count; i++)
        {
            var lesson = course[i];
            string report = CourseLinks.From(indexFolder, Path.Combine(lesson.Folder, ReportRenderer.MarkdownFile));
            md.Heading(2, lesson.Title);
            if (Thumbnail(lesson, thumbs) is { } thumbnail)
            {
                md.Paragraph($"[![{MarkdownWriter.Escape("Thumbnail of " + lesson.Name + ": " + thumbnail.Image)}]({CourseLinks.From(indexFolder, thumbnail.Path)})]({report})");
            }

            md.Paragraph($"{lesson.Entry.Summary} [Read lesson {i + 1}]({report}) ({MarkdownWriter.Code(lesson.Name)}).");
            CourseNavigation.Add(course, i, indexFolder);
        }

        string text = markdown.ToString();
        AtomicFile.WriteAllText(Path.Combine(indexFolder, MarkdownFile), text);
        string html = Path.Combine(indexFolder, HtmlFile);
        AtomicFile.WriteAllText(html, HtmlReport.ToHtml(text, link => File.Exists(Path.Combine(indexFolder, link)) ? File.ReadAllBytes(Path.Combine(indexFolder, link)) : null));
        return html;
    }

    /// <summary>A small PNG of the lesson's thumbnail figure (the first image of the kind <c>report.course.thumbnail</c>
    /// names in report order, else its first image; an animation's last frame), or null when the report has no image.</summary>
    private static (string Path, string Image)? Thumbnail(CourseLesson lesson, string thumbs)
    {
        string reportPath = Path.Combine(lesson.Folder, ReportRenderer.MarkdownFile);
        if (!File.Exists(reportPath))
        {
            return null;
        }

        var images = ImageLink().Matches(File.ReadAllText(reportPath)).Select(m => m.Groups[1].Value)
            .Where(link => File.Exists(Path.Combine(lesson.Folder, link))).ToList();
        string? chosen = images.FirstOrDefault(link => lesson.Entry.Thumbnail is { } kind && Path.GetFileName(link).StartsWith(kind + "-", StringComparison.Ordinal))
            ?? images.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        using var image = Image.Load<Rgba32>(Path.Combine(lesson.Folder, chosen));
        using var frame = image.Frames.CloneFrame(image.Frames.Count - 1);
        frame.Mutate(f => f.Resize(ThumbnailWidth, 0));
        string path = Path.Combine(thumbs, lesson.Name + ".png");
        using var stream = new MemoryStream();
        frame.SaveAsPng(stream);
        AtomicFile.WriteAllBytes(path, stream.ToArray());
        return (path, Path.GetFileName(chosen));
    }

    [GeneratedRegex(@"\]\((plots/[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ImageLink();
}
