namespace DescentLab.Experiments.Config;

/// <summary>A config's place in a course (<c>report.course</c>): when one <c>run</c> is given two or more configs with this
/// block, they form a course, get one index page, and each report links to the index and its neighbours.</summary>
/// <param name="Order">Position in the course (lessons are listed by it, then by config name).</param>
/// <param name="Summary">One sentence on what the lesson shows, for the course index.</param>
/// <param name="Thumbnail">The plot kind whose first image is the index's thumbnail, or null for the report's first image.</param>
public sealed record CourseEntry(int Order, string Summary, string? Thumbnail = null);
