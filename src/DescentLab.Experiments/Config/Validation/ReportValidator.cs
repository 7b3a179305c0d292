using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>report</c> mapping: title, description, the sections to show and the notes with their claims.</summary>
internal static class ReportValidator
{
    private const string Key = "report";
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(Key);
    private static readonly IReadOnlyList<string> NoteKeys = ConfigKeys.NamesUnder(ConfigKeys.Note);

    // In ConvergenceAxis order.
    private static readonly IReadOnlyList<string> Axes = ConfigKeys.At("report.x").Choices;

    /// <summary>The keys of the block (for the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => Keys;

    /// <summary>The keys of a note written as a mapping (for the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidNoteKeys => NoteKeys;

    /// <summary>The values of <c>report.x</c>, default first (for the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidAxes => Axes;

    /// <summary>The report block at <paramref name="node"/> (null: every section, no texts).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value of <c>report</c>, or null when absent.</param>
    /// <param name="sectionNames">The section names a report can show; null accepts any.</param>
    /// <param name="names">The variants, datasets, models and parameters notes and claims may name.</param>
    public static ReportConfig Read(ValidationContext context, ConfigNode? node, IReadOnlyList<string>? sectionNames, NoteNames names)
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
                "cost_at" => report with { CostAt = ReadCostAt(context, entry.Value, path) },
                "course" => report with { Course = CourseReader.Read(context, entry.Value, path, sectionNames) },
                "exercises" => report with { Exercises = ExerciseReader.Read(context, entry.Value, path, names) },
                "formats" => ReadFormats(context, entry.Value, path) is { } formats ? report with { Formats = formats } : report,
                _ => report,
            };
        }

        if (keys.TryGetValue("notes", out var notes))
        {
            report = report with { Notes = ReadNotes(context, notes.Value, sectionNames, report.Sections, names) };
        }

        return report;
    }

    private static List<double> ReadCostAt(ValidationContext context, ConfigNode node, string path)
    {
        var values = new List<double>();
        if (context.NonEmptyList(node, path, "a non-empty list of parameter values, e.g. [0.5, 1.0, 2.0]") is { } list)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                if (context.Number(list.Items[i], KeyPath.Item(path, i), "a finite number", double.IsFinite) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    /// <summary>A non-empty list of distinct formats of <see cref="PlotFormats.All"/> that includes PNG (the reports show
    /// the PNGs); PNG first whatever the order written.</summary>
    private static List<string>? ReadFormats(ValidationContext context, ConfigNode node, string path)
    {
        if (context.NonEmptyList(node, path, "a non-empty list of image formats, e.g. [png, svg]") is not { } list)
        {
            return null;
        }

        var formats = new List<string>();
        bool valid = true;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string itemPath = KeyPath.Item(path, i);
            if (context.Text(list.Items[i], itemPath, "an image format") is not { } format)
            {
                valid = false;
            }
            else if (!PlotFormats.All.Contains(format, StringComparer.Ordinal))
            {
                context.Error(list.Items[i], itemPath, Suggestions.UnknownName("format", format, PlotFormats.All));
                valid = false;
            }
            else if (formats.Contains(format, StringComparer.Ordinal))
            {
                context.Error(list.Items[i], itemPath, $"duplicate format '{format}'");
                valid = false;
            }
            else
            {
                formats.Add(format);
            }
        }

        if (valid && !formats.Contains(PlotFormats.Png, StringComparer.Ordinal))
        {
            context.Error(node, path, $"expected a list that includes {PlotFormats.Png} (report.md and report.html show the PNGs), got [{string.Join(", ", formats)}]");
            return null;
        }

        return valid ? [.. PlotFormats.All.Where(formats.Contains)] : null;
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

    /// <summary>The notes per section; a section left out of <c>sections</c> cannot have one (it would never be shown).</summary>
    private static List<ReportNote> ReadNotes(ValidationContext context, ConfigNode node, IReadOnlyList<string>? sectionNames, IReadOnlyList<string>? chosen, NoteNames names)
    {
        string path = KeyPath.Child(Key, "notes");
        var notes = new List<ReportNote>();
        if (context.Mapping(node, path, "a mapping of section name to notes, e.g. {fit: \"watch the line turn\"}") is not { } mapping)
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
            else if (entry.Value is SequenceNode list)
            {
                for (int i = 0; i < list.Items.Count; i++)
                {
                    notes.AddRange(ReadNote(context, list.Items[i], KeyPath.Item(entryPath, i), section, names));
                }
            }
            else
            {
                notes.AddRange(ReadNote(context, entry.Value, entryPath, section, names));
            }
        }

        return notes;
    }

    /// <summary>A note: a text, or a mapping {text, dataset?, model?, expect?}.</summary>
    private static IEnumerable<ReportNote> ReadNote(ValidationContext context, ConfigNode node, string path, string section, NoteNames names)
    {
        const string Expected = "a text or a note such as {text: \"...\", model: affine, expect: [{variant: batch, status: converged}]}";
        if (node is not MappingNode mapping)
        {
            return context.Text(node, path, Expected) is { } text ? [new ReportNote { Section = section, Text = text }] : [];
        }

        int errors = context.Errors.Count;
        var keys = context.Keys(mapping, path, NoteKeys);
        string? noteText = context.Required(keys, "text", mapping, path) is { } textNode ? context.Text(textNode, KeyPath.Child(path, "text"), "a text") : null;
        string? dataset = keys.TryGetValue("dataset", out var d) ? Name(context, d.Value, KeyPath.Child(path, "dataset"), "dataset", names.Datasets) : null;
        string? model = keys.TryGetValue("model", out var m) ? Name(context, m.Value, KeyPath.Child(path, "model"), "model", names.Models) : null;
        var claims = new List<NoteClaim>();
        if (keys.TryGetValue("expect", out var expect))
        {
            string expectPath = KeyPath.Child(path, "expect");
            IReadOnlyList<ConfigNode> items = expect.Value is SequenceNode claimList ? claimList.Items : [expect.Value];
            for (int i = 0; i < items.Count; i++)
            {
                string claimPath = expect.Value is SequenceNode ? KeyPath.Item(expectPath, i) : expectPath;
                if (ClaimValidator.Read(context, items[i], claimPath, names) is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }

        return noteText is null || context.Errors.Count > errors
            ? []
            : [new ReportNote { Section = section, Text = noteText, Dataset = dataset, Model = model, Expect = claims }];
    }

    private static string? Name(ValidationContext context, ConfigNode node, string path, string kind, IReadOnlyList<string> valid)
    {
        if (context.Text(node, path, $"a {kind} name") is not { } name)
        {
            return null;
        }

        if (!valid.Contains(name, StringComparer.Ordinal))
        {
            context.Error(node, path, Suggestions.UnknownName(kind, name, valid) + " (those of this config)");
            return null;
        }

        return name;
    }
}
