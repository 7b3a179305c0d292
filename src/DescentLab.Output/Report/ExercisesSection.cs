using DescentLab.Experiments.Analysis.Claims;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Report;

/// <summary>"Try it": a lesson's exercises (<c>report.exercises</c>). An exercise whose changes this run carries shows its
/// prediction checked on the runs (✓ as predicted, or ✗); any other shows the command that makes the change.</summary>
internal static class ExercisesSection
{
    /// <summary>Writes the section when the config has exercises.</summary>
    public static void Write(MarkdownWriter md, RunSet set)
    {
        if (ReportSections.ConfigOf(set).Exercises is not { Count: > 0 } exercises)
        {
            return;
        }

        md.Heading(2, "Try it");
        for (int i = 0; i < exercises.Count; i++)
        {
            var exercise = exercises[i];
            string changes = string.Join(" ", exercise.Try.Select(c => "--set " + c));
            if (!exercise.AppliesTo(set.Manifest.ResolvedConfig))
            {
                md.Paragraph($"**Exercise {i + 1}.** Run {MarkdownWriter.Code(set.Manifest.Command + " " + changes)} and compare. Predicted: {exercise.Says}");
                continue;
            }

            var results = ClaimEvaluator.Evaluate(set, exercise.AsNote()).ToList();
            bool holds = results.All(r => r.Holds);
            md.Paragraph($"**Exercise {i + 1}** ({MarkdownWriter.Code(changes)}, in effect in this run): {(holds ? "✓" : "✗")} {exercise.Says} "
                + (holds ? "As predicted." : "**Not as predicted.**"));
            md.Bullets(results.Select(SectionNotes.Line));
        }
    }
}
