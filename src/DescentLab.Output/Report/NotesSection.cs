using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>Things a reader must know to trust the numbers: what each reference kind means and where it applies, runs that
/// beat a best-known reference, skipped pairs, plots that failed, and
/// the runs that diverged or failed with their messages.</summary>
internal static class NotesSection
{
    private const int MaxListedRuns = 25;

    /// <summary>Writes the section (a line saying there is nothing to note when that is so).</summary>
    /// <param name="md">Where to write.</param>
    /// <param name="set">The run set.</param>
    /// <param name="plots">The images, some perhaps not rendered.</param>
    /// <param name="onlyIfAny">Write nothing at all when there is nothing to note (a report whose config left notes out).</param>
    /// <param name="intro">The config's text for the section (Markdown), or null.</param>
    public static void Write(MarkdownWriter md, RunSet set, IReadOnlyList<PlotFile> plots, bool onlyIfAny = false, string? intro = null)
    {
        var notes = new List<string>();
        notes.AddRange(ReferenceKinds(set));
        notes.AddRange(BeatenReferences(set));
        notes.AddRange(set.Manifest.Notes.Select(MarkdownWriter.Escape));
        notes.AddRange(plots.Where(p => p.Error is not null).Select(p => "Plot " + MarkdownWriter.Code(p.RelativePath) + " could not be rendered: " + MarkdownWriter.Escape(p.Error!)));
        var troubled = set.Rows.Where(r => r.Status is RunStatus.Diverged or RunStatus.Failed).ToList();
        if (onlyIfAny && notes.Count == 0 && troubled.Count == 0)
        {
            return;
        }

        md.Heading(2, "Notes");
        if (intro is not null)
        {
            md.Paragraph(intro);
        }

        if (notes.Count > 0)
        {
            md.Bullets(notes);
        }

        if (troubled.Count > 0)
        {
            md.Heading(3, Inv($"Diverged and failed runs ({troubled.Count})"));
            md.Table(["run", "status", "message"], "lll", troubled.Take(MaxListedRuns).Select(r => (IReadOnlyList<string>)
            [
                MarkdownWriter.Code(r.RunId),
                r.Status.ToKey(),
                r.Message.Length == 0 ? None : MarkdownWriter.Escape(r.Message),
            ]));
            if (troubled.Count > MaxListedRuns)
            {
                md.Paragraph(Inv($"… and {troubled.Count - MaxListedRuns} more; summary.csv lists them all."));
            }
        }

        if (notes.Count == 0 && troubled.Count == 0)
        {
            md.Paragraph("Nothing to note.");
        }
    }

    /// <summary>One note per reference kind in the run set: what it means and on which problems it holds.</summary>
    private static IEnumerable<string> ReferenceKinds(RunSet set)
    {
        var problemOf = new Dictionary<(string, string, string), ProblemKey>();
        foreach (var row in set.Rows)
        {
            problemOf.TryAdd((row.DatasetKey, row.Model, row.Loss), ProblemKey.From(row));
        }

        return set.Manifest.Problems
            .Where(p => problemOf.ContainsKey((p.DatasetKey, p.Model, p.Loss)))
            .GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .Select(g => "Reference " + ReferenceKindWords.Meaning(g.Key) + " Problems: "
                + string.Join("; ", g.GroupBy(p => problemOf[(p.DatasetKey, p.Model, p.Loss)]).Select(Describe)) + ".");

        static string Describe(IGrouping<ProblemKey, ProblemInfo> problems) =>
            MarkdownWriter.Escape(problems.Key.Label) + " on " + string.Join(", ", problems.Select(p => MarkdownWriter.Code(p.DatasetKey)))
            + (problems.Select(p => p.Targets).Distinct().ToList() is [{ } targets] ? " (converged: " + MarkdownWriter.Escape(Targets(targets)) + ")" : string.Empty);
    }

    /// <summary>Runs whose final loss is below a best_known reference: they beat it, and the note says so.</summary>
    private static IEnumerable<string> BeatenReferences(RunSet set)
    {
        var beating = set.Rows.Where(r => r.OptimumKind == ReferenceKind.BestKnown && r.FinalGap < 0).ToList();
        if (beating.Count == 0)
        {
            yield break;
        }

        yield return Inv($"{beating.Count} run(s) beat their best_known reference (final loss below L\\*): ")
            + string.Join(", ", beating.Take(MaxListedRuns).Select(r => MarkdownWriter.Code(r.RunId) + " by " + Gap(-r.FinalGap)))
            + (beating.Count > MaxListedRuns ? "; summary.csv lists them all" : string.Empty) + ".";
    }
}
