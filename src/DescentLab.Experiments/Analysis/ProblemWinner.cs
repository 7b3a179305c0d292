namespace DescentLab.Experiments.Analysis;

/// <summary>A problem's best variant setting by the leaderboard's ranking, and how far ahead of the runner-up it is.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Winner">The first entry of its leaderboard.</param>
/// <param name="RunnerUp">The second entry, or null when only one setting ran.</param>
/// <param name="Judgment">The measures that judge the problem (what breaks a tie in epochs to target).</param>
public sealed record ProblemWinner(ProblemKey Problem, LeaderboardEntry Winner, LeaderboardEntry? RunnerUp, ProblemJudgment Judgment)
{
    /// <summary>The winner of each leaderboard, in leaderboard order; empty leaderboards are skipped.</summary>
    public static IReadOnlyList<ProblemWinner> From(IReadOnlyList<Leaderboard> boards) =>
        boards.Where(b => b.Entries.Count > 0)
            .Select(b => new ProblemWinner(b.Problem, b.Entries[0], b.Entries.Count > 1 ? b.Entries[1] : null, b.Judged))
            .ToList();

    /// <summary>What decided the ranking between winner and runner-up.</summary>
    public WinMargin Margin
    {
        get
        {
            if (RunnerUp is null)
            {
                return WinMargin.Alone;
            }

            return (Winner.EpochsToTarget, RunnerUp.EpochsToTarget) switch
            {
                (long w, long r) when w < r => WinMargin.FewerEpochs,
                (not null, null) => WinMargin.OnlyOneReachedTarget,
                _ when Judgment.ByLoss && (Winner.Accuracy ?? 0) > (RunnerUp.Accuracy ?? 0) => WinMargin.HigherAccuracy,
                _ when Judgment.ByLoss && Winner.FinalLoss < RunnerUp.FinalLoss => WinMargin.SmallerLoss,
                _ when !Judgment.ByLoss && Winner.FinalGap < RunnerUp.FinalGap => WinMargin.SmallerGap,
                _ => WinMargin.Tie,
            };
        }
    }
}
