namespace DescentLab.Output.Course;

/// <summary>Relative links between the files of a course: from one folder to a file in another, with '/' separators and
/// spaces escaped, so they work on GitHub and from file://.</summary>
internal static class CourseLinks
{
    /// <summary>The link from a page in <paramref name="fromFolder"/> to <paramref name="file"/>.</summary>
    public static string From(string fromFolder, string file) =>
        Path.GetRelativePath(fromFolder, file).Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal);
}
