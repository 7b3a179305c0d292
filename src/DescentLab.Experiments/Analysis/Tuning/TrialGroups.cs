namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>How the tuned comparison groups trials: by problem, then by variant, each in order of first appearance, a
/// variant's trials by trial index; and the judgment of a problem from every trial's tuning runs.</summary>
internal static class TrialGroups
{
    /// <summary>The variants of one problem's trials, each with its trials ordered by <see cref="TrialResult.Trial"/>.</summary>
    public static IReadOnlyList<(string Variant, IReadOnlyList<TrialResult> Trials)> ByVariant(IEnumerable<TrialResult> problemTrials) =>
        [.. problemTrials.GroupBy(t => t.Variant, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<TrialResult>)[.. g.OrderBy(t => t.Trial)]))];

    /// <summary>The measures that judge the problem, from the tuning runs of all its trials (<see cref="ProblemJudgment.Gap"/>
    /// when the trials carry no runs).</summary>
    public static ProblemJudgment Judgment(IEnumerable<TrialResult> problemTrials) =>
        ProblemJudgment.Of(problemTrials.SelectMany(t => t.Entry.Seeds));
}
