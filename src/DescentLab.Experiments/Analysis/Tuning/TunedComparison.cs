namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>Which method wins at an equal tuning budget: the tuned comparison of every problem, from the tuning trials and
/// the held-out evaluation runs of each variant's best trial.</summary>
public static class TunedComparison
{
    /// <summary>One entry per problem of <paramref name="trials"/> or <paramref name="evaluation"/>, in that order of
    /// first appearance.</summary>
    /// <param name="trials">Every tuning trial.</param>
    /// <param name="evaluation">The leaderboards of the evaluation runs (<see cref="Leaderboard.Build(IReadOnlyList{Results.SummaryRow})"/>
    /// of the eval-phase rows), one per problem.</param>
    public static IReadOnlyList<TunedProblem> From(IReadOnlyList<TrialResult> trials, IReadOnlyList<Leaderboard> evaluation)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(evaluation);
        var curves = BudgetCurve.From(trials);
        var tunability = VariantTunability.From(trials);
        var problems = trials.Select(t => t.Problem).Concat(evaluation.Select(b => b.Problem)).Distinct().ToList();
        return problems.Select(problem =>
        {
            var problemTrials = trials.Where(t => t.Problem == problem).ToList();
            var board = evaluation.FirstOrDefault(b => b.Problem == problem);
            // The curves and tunability judge by the trials; a problem with evaluation runs only, by those.
            var judged = problemTrials.Count > 0 || board is null ? TrialGroups.Judgment(problemTrials) : board.Judged;
            return new TunedProblem(
                problem,
                judged,
                board is null ? null : ProblemWinner.From([board]).FirstOrDefault(),
                [.. curves.Where(c => c.Problem == problem)],
                [.. tunability.Where(t => t.Problem == problem)],
                Seeds(problemTrials.SelectMany(t => t.Entry.Seeds)),
                Seeds(board?.Entries.SelectMany(e => e.Seeds) ?? []));
        }).ToList();
    }

    private static IReadOnlyList<ulong> Seeds(IEnumerable<Results.SummaryRow> rows) => [.. rows.Select(r => r.Seed).Distinct().Order()];
}
