namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>How much of a variant's search space works on one problem, and whether its best trial asks for a wider range.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Trials">Trials run (the budget).</param>
/// <param name="ConvergedTrials">Trials whose setting converged: at least half of its tuning seeds ended converged, so
/// the leaderboard gives it epochs to target (key 1 of <see cref="LeaderRule"/>).</param>
/// <param name="Runs">Tuning runs of all trials (trials × seeds).</param>
/// <param name="ConvergedRuns">Those that ended converged.</param>
/// <param name="Best">The best trial by <see cref="LeaderRule"/> (ties: the lower trial index).</param>
/// <param name="Edges">The best trial's place in each tuned hyper-parameter's range, by name (ordinal).</param>
public sealed record VariantTunability(
    ProblemKey Problem,
    string Variant,
    int Trials,
    int ConvergedTrials,
    int Runs,
    int ConvergedRuns,
    TrialResult Best,
    IReadOnlyList<RangeEdge> Edges)
{
    /// <summary>One row per problem × variant of <paramref name="trials"/>, in order of first appearance.</summary>
    public static IReadOnlyList<VariantTunability> From(IReadOnlyList<TrialResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var rows = new List<VariantTunability>();
        foreach (var problem in trials.GroupBy(t => t.Problem))
        {
            var judged = TrialGroups.Judgment(problem);
            foreach (var (variant, variantTrials) in TrialGroups.ByVariant(problem))
            {
                rows.Add(Of(problem.Key, variant, variantTrials, judged));
            }
        }

        return rows;
    }

    /// <summary>The best of <paramref name="trials"/> (ordered by trial index) by the leader rule; the first on a tie.</summary>
    public static TrialResult BestOf(IReadOnlyList<TrialResult> trials, ProblemJudgment judged)
    {
        var best = trials[0];
        foreach (var trial in trials.Skip(1))
        {
            if (LeaderRule.Compare(trial.Entry, best.Entry, judged) < 0)
            {
                best = trial;
            }
        }

        return best;
    }

    private static VariantTunability Of(ProblemKey problem, string variant, IReadOnlyList<TrialResult> trials, ProblemJudgment judged)
    {
        var best = BestOf(trials, judged);
        var edges = best.Position.Keys.Order(StringComparer.Ordinal)
            .Select(name => RangeEdge.Of(name, best.Position[name], [.. trials.Where(t => t.Position.ContainsKey(name)).Select(t => t.Position[name])]))
            .ToList();
        return new VariantTunability(
            problem,
            variant,
            trials.Count,
            trials.Count(t => t.Entry.EpochsToTarget is not null),
            trials.Sum(t => t.Entry.Runs),
            trials.Sum(t => t.Entry.Converged),
            best,
            edges);
    }
}
