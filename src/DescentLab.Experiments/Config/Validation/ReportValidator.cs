using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>report</c> mapping: title, description, the sections to show and a text per section.</summary>
internal static class ReportValidator
{
    private const string Key = "report";
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(Key);

    // In ConvergenceAxis order.
    private static readonly IReadOnlyList<string> Axes = ConfigKeys.At("report.x").Choices;

    /// <summary>The keys of the block (for the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => Keys;

    /// <summary>The values of <c>report.x</c>, default first (for the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidAxes => Axes;

    /// <summary>The report block at <paramref name="node"/> (null: every section, no texts).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value of <c>report</c>, or null when absent.</param>
    /// <param name="sectionNames">The section names a report can show; null accepts any.</param>
    public static ReportConfig Read(ValidationContext context, ConfigNode? node, IReadOnlyList<string>? sectionNames)
    {
        var report = ReportConfig.Default;
        if (node is null || context.Mapping(node, Key, "a mapping such as {sections: [summary, fit], notes: {fit: \"...\"}}") is not { } mapping)
        {
            return report;
        }

        var keys = context.Keys(mapping, Key, Keys);
        foreach (var (key, entry) in keys)
        {
            string path = KeyPath.Child(Key, key);
            report = key switch
            {
                "title" => context.Text(entry.Value, path, "a text") is { } title ? report with { Title = title } : report,
                "description" => context.Text(entry.Value, path, "a text") is { } text ? report with { Description = text } : report,
                "sections" => report with { Sections = ReadSections(context, entry.Value, path, sectionNames) },
                "x" => ReadAxis(context, entry.Value, path) is { } axis ? report with { X = axis } : report,
                _ => report,
            };
        }

        if (keys.TryGetValue("notes", out var notes))
        {
            report = report with { Notes = ReadNotes(context, notes.Value, sectionNames, report.Sections) };
        }

        return report;
    }

    private static ConvergenceAxis? ReadAxis(ValidationContext context, ConfigNode node, string path)
    {
        const string Expected = "'epochs', 'grad_evals' or 'wall_ms'";
        if (context.Text(node, path, Expected) is not { } text)
        {
            return null;
        }

        int index = Axes.ToList().IndexOf(text);
        if (index >= 0)
        {
            return (ConvergenceAxis)index;
        }

        string? hint = Suggestions.Closest(text, Axes);
        context.Error(node, path, $"expected {Expected}, got '{text}'{(hint is null ? string.Empty : $"; did you mean '{hint}'?")}");
        return null;
    }

    private static List<string> ReadSections(ValidationContext context, ConfigNode node, string path, IReadOnlyList<string>? sectionNames)
    {
        var sections = new List<string>();
        if (context.NonEmptyList(node, path, "a non-empty list of section names, e.g. [summary, leaderboards, fit]") is not { } list)
        {
            return sections;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string itemPath = KeyPath.Item(path, i);
            if (context.Text(list.Items[i], itemPath, "a section name") is not { } name)
            {
                continue;
            }

            if (sectionNames is not null && !sectionNames.Contains(name, StringComparer.Ordinal))
            {
                context.Error(list.Items[i], itemPath, Suggestions.UnknownName("section", name, sectionNames));
            }
            else if (sections.Contains(name, StringComparer.Ordinal))
            {
                context.Error(list.Items[i], itemPath, $"duplicate section '{name}'");
            }
            else
            {
                sections.Add(name);
            }
        }

        return sections;
    }

    /// <summary>One text per section; a section left out of <c>sections</c> cannot have one (it would never be shown).</summary>
    private static Dictionary<string, string> ReadNotes(ValidationContext context, ConfigNode node, IReadOnlyList<string>? sectionNames, IReadOnlyList<string>? chosen)
    {
        string path = KeyPath.Child(Key, "notes");
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Mapping(node, path, "a mapping of section name to text, e.g. {fit: \"watch the line turn\"}") is not { } mapping)
        {
            return notes;
        }

        foreach (var (section, entry) in context.Keys(mapping, path, sectionNames ?? [.. mapping.Entries.Select(e => e.Key.Text)]))
        {
            string entryPath = KeyPath.Child(path, section);
            if (chosen is not null && !chosen.Contains(section, StringComparer.Ordinal))
            {
                context.Error(entry.Key, entryPath, $"section '{section}' is not in report.sections, so this text would never be shown");
            }
            else if (context.Text(entry.Value, entryPath, "a text") is { } text)
            {
                notes.Add(section, text);
            }
        }

        return notes;
    }
}
