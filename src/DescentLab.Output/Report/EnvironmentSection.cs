using DescentLab.Experiments.Results;
using DescentLab.Output.Json;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>How to reproduce the run: the resolved config, the environment and the exact command.</summary>
internal static class EnvironmentSection
{
    /// <summary>Writes the configuration, environment and reproduce sections.</summary>
    public static void Write(MarkdownWriter md, RunManifest manifest)
    {
        md.Heading(2, "Configuration");
        md.Paragraph("Config " + MarkdownWriter.Code(manifest.ConfigPath) + " (SHA-256 " + MarkdownWriter.Code(manifest.ConfigHash)
            + "), with every default filled in:");
        md.Fence("json", ResolvedConfigJson.ToText(manifest.ResolvedConfig));

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
