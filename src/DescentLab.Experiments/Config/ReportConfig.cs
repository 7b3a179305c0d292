using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>What report.md shows (the <c>report</c> block): a title, an opening text, the sections
/// chosen, and notes saying what to look at, each in one section (and optionally at one problem), with claims checked on the runs.</summary>
/// <remarks>Section names are those of the report's own parts and of the plot kinds; the config loader is handed the
/// list by whoever renders reports, so the names are defined once, where the sections are.</remarks>
public sealed record ReportConfig
{
    /// <summary>Every section, no texts: the report of a config without a <c>report</c> block.</summary>
    public static ReportConfig Default { get; } = new();

    /// <summary>Heading of the report instead of <c>DescentLab report: &lt;name&gt;</c>, or null.</summary>
    public string? Title { get; init; }

    /// <summary>A paragraph under the heading (Markdown), or null.</summary>
    public string? Description { get; init; }

    /// <summary>The sections to show, in config order, or null for all of them.</summary>
    public IReadOnlyList<string>? Sections { get; init; }

    /// <summary>The x axis of the convergence plots; <see cref="ConvergenceAxis.Epochs"/> unless the config says otherwise.</summary>
    public ConvergenceAxis X { get; init; } = ConvergenceAxis.Epochs;

    /// <summary>The notes, in config order.</summary>
    public IReadOnlyList<ReportNote> Notes { get; init; } = [];

    /// <summary>Values of a one-parameter model's parameter whose cost the cost figure marks (hand-picked points on the
    /// bowl), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? CostAt { get; init; }

    /// <summary>The config's place in a course, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CourseEntry? Course { get; init; }

    /// <summary>"Try it" exercises shown at the end of the report, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Exercise>? Exercises { get; init; }

    /// <summary>The formats each static plot is written in (<see cref="PlotFormats"/>), PNG first.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [PlotFormats.Png];

    /// <summary>Whether <paramref name="section"/> is shown.</summary>
    public bool Includes(string section) => Sections is null || Sections.Contains(section, StringComparer.Ordinal);

    /// <summary>The notes of <paramref name="section"/>, in config order.</summary>
    public IEnumerable<ReportNote> NotesOf(string section) => Notes.Where(n => string.Equals(n.Section, section, StringComparison.Ordinal));
}
