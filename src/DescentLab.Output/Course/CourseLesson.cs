using DescentLab.Experiments.Config;

namespace DescentLab.Output.Course;

/// <summary>One lesson of a course run: its config's course entry and title, and the run folder its report is in.</summary>
/// <param name="Name">The config's name.</param>
/// <param name="Title">The report's heading (<c>report.title</c>, else the name).</param>
/// <param name="Entry">The config's <c>report.course</c> block.</param>
/// <param name="Folder">The lesson's run folder (absolute).</param>
public sealed record CourseLesson(string Name, string Title, CourseEntry Entry, string Folder)
{
    /// <summary>The lesson of <paramref name="config"/> run into <paramref name="folder"/>, or null when the config has no
    /// course block.</summary>
    public static CourseLesson? Of(ExperimentConfig config, string folder) =>
        config.Report.Course is { } entry ? new CourseLesson(config.Name, config.Report.Title ?? config.Name, entry, Path.GetFullPath(folder)) : null;

    /// <summary>The lessons of one run that form a course, in course order (by <see cref="CourseEntry.Order"/>, then
    /// name); empty when fewer than two configs have a course block.</summary>
    public static IReadOnlyList<CourseLesson> Course(IEnumerable<CourseLesson?> lessons)
    {
        var course = lessons.OfType<CourseLesson>().OrderBy(l => l.Entry.Order).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return course.Count >= 2 ? course : [];
    }
}
