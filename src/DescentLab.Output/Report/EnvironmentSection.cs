using DescentLab.Experiments.Config;
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
    /// <param name="resolved">Its resolved config as indented JSON (<see cref="ResolvedConfigJson.ToText"/>).</param>
    /// <param name="intro">The config's text for the section (Markdown), or null.</param>
    public static void Write(MarkdownWriter md, RunManifest manifest, string resolved, string? intro = null)
    {
        md.Heading(2, "Configuration");
        if (intro is not null)
        {
            md.Paragraph(intro);
        }

        int lines = resolved.Count(c => c == '\n') + 1;
        if (lines > MaxConfigLines)
        {
            // A big sweep's config lists every value; the report keeps its length bounded and points at the whole.
            md.Paragraph(Source(manifest) + "; its resolved form (" + Count(lines) + " lines) is " + MarkdownWriter.Code("resolved_config") + " in "
                + MarkdownWriter.Code("manifest.json") + ".");
        }
        else
        {
            md.Paragraph(Source(manifest) + ", with every default filled in:");
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
        // Named in manifests written since history kept machines; older ones leave the rows out.
        if (manifest.Machine.CpuModel is { Length: > 0 } cpu)
        {
            rows.Insert(0, Row("CPU", cpu));
        }

        if (manifest.Machine.Name is { Length: > 0 } machine)
        {
            rows.Insert(0, Row("machine", machine));
        }

        rows.AddRange(manifest.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Row(v.Key + " version", v.Value)));
        rows.AddRange(Origins(manifest.ResolvedConfig.Variants));
        md.Table(["item", "value"], "ll", rows);

        md.Heading(2, "Reproduce");
        md.Paragraph("Run this from the directory the run was started in, with `descentlab` installed (`make install` in a checkout):");
        md.Fence("sh", manifest.Command);
        if (manifest.Command.StartsWith(Tool, StringComparison.Ordinal))
        {
            md.Paragraph("Without installing, from a checkout of DescentLab (of the git commit above) built with `make build`, replacing CHECKOUT with its path:");
            md.Fence("sh", $"dotnet CHECKOUT/{CheckoutBuild} {manifest.Command[Tool.Length..]}");
        }
    }

    private const string Tool = "descentlab ";

    /// <summary><c>Config `x.yaml` (SHA-256 `…`)</c>, naming the <c>--set</c> overrides when the run had any.</summary>
    private static string Source(RunManifest manifest)
    {
        string config = "Config " + MarkdownWriter.Code(manifest.ConfigPath);
        string hash = MarkdownWriter.Code(manifest.ConfigHash);
        return manifest.Overrides is { Count: > 0 } overrides
            ? config + " with " + string.Join(", ", overrides.Select(o => MarkdownWriter.Code("--set " + o))) + " (SHA-256 of the file and the overrides " + hash + ")"
            : config + " (SHA-256 " + hash + ")";
    }

    /// <summary>Where <c>make build</c> puts the tool in a checkout.</summary>
    private const string CheckoutBuild = "src/DescentLab.Host/bin/Release/net10.0/descentlab.dll";

    /// <summary>One row per plug-in assembly and per external command that ran, naming its variants; digests are cut to
    /// 12 hex digits (manifest.json has them whole).</summary>
    private static IEnumerable<IReadOnlyList<string>> Origins(IReadOnlyList<ResolvedVariant> variants)
    {
        foreach (var plugin in variants.Where(v => v.Plugin is not null).GroupBy(v => v.Plugin!.FullPath, StringComparer.Ordinal))
        {
            var origin = plugin.First().Plugin!;
            yield return Row(
                "plug-in " + string.Join(", ", plugin.Select(v => v.Name).Distinct()),
                $"{origin.Path}, version {origin.Version}, SHA-256 {Short(origin.Sha256)}");
        }

        foreach (var external in variants.Where(v => v.External is not null).GroupBy(v => string.Join('\0', v.External!.Command), StringComparer.Ordinal))
        {
            var origin = external.First().External!;
            string files = string.Concat(origin.Files.Select(f => $"; {f.Path} SHA-256 {Short(f.Sha256)}"));
            yield return Row("external " + string.Join(", ", external.Select(v => v.Name).Distinct()), string.Join(' ', origin.Command) + files);
        }
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    private static IReadOnlyList<string> Row(string name, string value) => [MarkdownWriter.Escape(name), MarkdownWriter.Escape(value)];
}
