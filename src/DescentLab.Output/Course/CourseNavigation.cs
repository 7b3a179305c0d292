using DescentLab.Output.Report;

namespace DescentLab.Output.Course;

/// <summary>Adds to each lesson's report.md a line under its heading linking the course index and the previous and next
/// lessons, and renders report.html again from it (images embedded as before).</summary>
/// <remarks>Only a course run knows its lessons' neighbours, so the line is added once all lessons have run;
/// <c>descentlab report RUNDIR</c> re-renders a lesson on its own, without it.</remarks>
internal static class CourseNavigation
{
    /// <summary>The start of the navigation line, which also marks a report that has one.</summary>
    public const string Marker = "**Course:** ";

    /// <summary>Adds the line to the report of <paramref name="course"/>[<paramref name="index"/>] (once).</summary>
    public static void Add(IReadOnlyList<CourseLesson> course, int index, string indexFolder)
    {
        var lesson = course[index];
        string markdownPath = Path.Combine(lesson.Folder, ReportRenderer.MarkdownFile);
        if (!File.Exists(markdownPath))
        {
            return;
        }

        string markdown = File.ReadAllText(markdownPath);
        int headingEnd = markdown.IndexOf("\n\n", StringComparison.Ordinal);
        if (headingEnd < 0 || markdown.AsSpan(headingEnd + 2).StartsWith(Marker, StringComparison.Ordinal))
        {
            return;
        }

        string line = Line(course, index, indexFolder);
        markdown = markdown[..(headingEnd + 2)] + line + "\n\n" + markdown[(headingEnd + 2)..];
        Files.AtomicFile.WriteAllText(markdownPath, markdown);
        Files.AtomicFile.WriteAllText(
            Path.Combine(lesson.Folder, ReportRenderer.HtmlFile),
            HtmlReport.ToHtml(markdown, link => Image(lesson.Folder, link)));
    }

    /// <summary>"Course: index · ← previous · next →", each a relative link to the page.</summary>
    public static string Line(IReadOnlyList<CourseLesson> course, int index, string indexFolder)
    {
        string folder = course[index].Folder;
        var parts = new List<string>
        {
            $"[index of the course]({CourseLinks.From(folder, Path.Combine(indexFolder, CourseIndex.MarkdownFile))}) (lesson {index + 1} of {course.Count})",
        };
        if (index > 0)
        {
            parts.Add("previous: " + Link(folder, course[index - 1]));
        }

        if (index + 1 < course.Count)
        {
            parts.Add("next: " + Link(folder, course[index + 1]));
        }

        return Marker + string.Join(" · ", parts);
    }

    private static string Link(string fromFolder, CourseLesson lesson) =>
        $"[{MarkdownWriter.Escape(lesson.Title)}]({CourseLinks.From(fromFolder, Path.Combine(lesson.Folder, ReportRenderer.MarkdownFile))})";

    /// <summary>The bytes of an image the report links inside its own folder, or null.</summary>
    private static byte[]? Image(string folder, string link)
    {
        string path = Path.GetFullPath(Path.Combine(folder, link));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
