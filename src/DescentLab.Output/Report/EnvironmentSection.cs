using DescentLab.Experiments.Results;
using DescentLab.Output.Json;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>How to reproduce the run: the resolved config, the environment and the exact command.</summary>
internal static class EnvironmentSection
{
    /// <summary>Longest resolved config the report shows inline.</summary>
    public const int MaxConfigLines = 200;

    /// <summary>Writes the configuration, environment and reproduce sections.</summary>
    /// <param name="md">Where to write.</param>
    /// <param name="manifest">The run's manifest.</param>
    /// <param name="intro">The config's text for the section (Markdown), or null.</param>
    public static void Write(MarkdownWriter md, RunManifest manifest, string? intro = null)
    {
        md.Heading(2, "Configuration");
        if (intro is not null)
        {
            md.Paragraph(intro);
        }

        string resolved = ResolvedConfigJson.ToText(manifest.ResolvedConfig);
        int lines = resolved.Count(c => c == '\n') + 1;
        if (lines > MaxConfigLines)
        {
            // A big sweep's config lists every value; the report keeps its length bounded and points at the whole.
            md.Paragraph("Config " + MarkdownWriter.Code(manifest.ConfigPath) + " (SHA-256 " + MarkdownWriter.Code(manifest.ConfigHash)
                + "); its resolved form (" + Count(lines) + " lines) is " + MarkdownWriter.Code("resolved_config") + " in "
                + MarkdownWriter.Code("manifest.json") + ".");
        }
        else
        {
            md.Paragraph("Config " + MarkdownWriter.Code(manifest.ConfigPath) + " (SHA-256 " + MarkdownWriter.Code(manifest.ConfigHash)
                + "), with every default filled in:");
            md.Fence("json", resolved);
        }

        md.Heading(2, "Environment");
        var rows = new List<IReadOnlyList<string>>
        {
            Row("operating system", manifest.Machine.OperatingSystem),
            Row("runtime", manifest.Machine.Runtime),
            Row("architecture", manifest.Machine.Architecture),
            Row("processors", Count(manifest.Machine.ProcessorCount)),
            Row("parallel runs", Count(manifest.Parallel)),
            Row("shard", manifest.Shard ?? "all"),
            Row("git commit", manifest.GitCommit ?? "not a git repository"),
        };
        rows.AddRange(manifest.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Row(v.Key + " version", v.Value)));
        md.Table(["item", "value"], "ll", rows);

        md.Heading(2, "Reproduce");
        md.Paragraph("Run this from the directory the run was started in:");
        md.Fence("sh", manifest.Command);
    }

    private static IReadOnlyList<string> Row(string name, string value) => [MarkdownWriter.Escape(name), MarkdownWriter.Escape(value)];
}
