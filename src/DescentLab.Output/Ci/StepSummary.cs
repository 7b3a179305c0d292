using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Report;

namespace DescentLab.Output.Ci;

/// <summary>The headline and the regression table of a run set, appended to GitHub Actions' step summary file.</summary>
/// <remarks>Appends, since every step of a job shares the file; the text is the report's own Markdown.</remarks>
public static class StepSummary
{
    /// <summary>Appends the summary of <paramref name="set"/> to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Append(string path, RunSet set)
    {
        using var writer = new StreamWriter(path, append: true);
        writer.NewLine = "\n";
        Write(writer, set);
    }

    /// <summary>Writes the summary of <paramref name="set"/>.</summary>
    public static void Write(TextWriter writer, RunSet set)
    {
        var md = new MarkdownWriter(writer);
        md.Heading(2, $"DescentLab {set.Manifest.Name}: {GateCounts.From(set)}");
        if (set.Regression is not { } report)
        {
            md.Paragraph("No regression check was made for this run set.");
            return;
        }

        if (report.NotCompared is { } reason)
        {
            md.Paragraph(MarkdownWriter.Escape(reason));
            return;
        }

        if (report.ConfigChange is { } change)
        {
            md.Paragraph("**Config changed:** " + MarkdownWriter.Escape(change));
        }

        md.Paragraph("Baseline: " + MarkdownWriter.Code(report.BaselineSource) + ".");
        RegressionSection.WriteTables(md, report, 3);
    }
}
