using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Claims;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Report;

/// <summary>The config's notes as report.md places them: each once, in its section, at the problem it names, with its
/// claims checked on the runs and marked ✓ or ✗.</summary>
/// <remarks>A note that names no problem is shown at the top of its section, or, for a plot kind drawn per problem,
/// under the first such plot; a note that names a dataset or model, under the first place of its section at a problem
/// it describes.</remarks>
internal sealed class SectionNotes(RunSet set, ReportConfig report)
{
    private readonly HashSet<ReportNote> _shown = new(ReferenceEqualityComparer.Instance);

    /// <summary>The notes no part of the report has shown yet.</summary>
    public IReadOnlyList<ReportNote> Unshown => [.. report.Notes.Where(n => !_shown.Contains(n))];

    /// <summary>The Markdown of the notes for the top of <paramref name="section"/>, or null when there are none;
    /// <paramref name="perProblem"/> says whether the section has a place at each problem for the notes that name one.</summary>
    public string? AtSection(string section, bool perProblem) =>
        Take(report.NotesOf(section).Where(n => !perProblem || !n.HasProblem));

    /// <summary>The Markdown of the notes of <paramref name="section"/> at <paramref name="problem"/>, or null.</summary>
    public string? AtProblem(string section, ProblemKey problem) =>
        Take(report.NotesOf(section).Where(n => n.Describes(problem.Dataset, problem.Model)));

    /// <summary>The Markdown of <paramref name="notes"/> (marked shown), or null when there are none.</summary>
    public string? Take(IEnumerable<ReportNote> notes)
    {
        var fresh = notes.Where(_shown.Add).ToList();
        return fresh.Count == 0 ? null : string.Join("\n\n", fresh.Select(Render));
    }

    /// <summary>The note's text, then one line per claim: the mark, the claim and what the runs show.</summary>
    private string Render(ReportNote note)
    {
        var claims = ClaimEvaluator.Evaluate(set, note).ToList();
        return claims.Count == 0
            ? note.Text
            : note.Text + "\n\n" + string.Join("\n", claims.Select(c => "- " + Line(c)));
    }

    /// <summary>A checked claim as a list item's text: the mark, the claim and what the runs show.</summary>
    public static string Line(ClaimResult claim) =>
        claim.Mark + " " + MarkdownWriter.Code(claim.Statement) + ": " + MarkdownWriter.Escape(claim.Measured) + (claim.Holds ? string.Empty : " (**does not hold**)");
}
