namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>The one number a tuning trial is scored by in the expected-best-vs-budget figure: the judging quantity of
/// <see cref="LeaderRule"/> (its key 2), as the leaderboard rounds it.</summary>
/// <remarks>On a problem judged by the gap: the median final gap, 0 within rounding, +∞ for a trial whose median is NaN
/// (lower is better). On a problem with an infimum reference: the median accuracy of a classification problem (higher is
/// better; none counts as −∞), else the median final loss (lower is better). Epochs to target (key 1) is left out: most
/// trials of a wide search space never converge, and the figure asks how good the best trial gets.</remarks>
public static class TrialScore
{
    /// <summary>The score of <paramref name="entry"/> on a problem judged as <paramref name="judged"/>.</summary>
    public static double Of(LeaderboardEntry entry, ProblemJudgment judged)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!judged.ByLoss)
        {
            return LeaderRule.RankedGap(entry);
        }

        if (judged.HasAccuracy)
        {
            return entry.Accuracy is double a && !double.IsNaN(a) ? a : double.NegativeInfinity;
        }

        return double.IsNaN(entry.FinalLoss) ? double.PositiveInfinity : entry.FinalLoss;
    }

    /// <summary>Whether a higher score is better (accuracy) rather than a lower one (gap, loss).</summary>
    public static bool HigherIsBetter(ProblemJudgment judged) => judged.ByLoss && judged.HasAccuracy;

    /// <summary>What the score is, for axis labels and sentences: <c>median final gap</c>, <c>median accuracy</c> or
    /// <c>median final loss</c>.</summary>
    public static string Name(ProblemJudgment judged) =>
        !judged.ByLoss ? "median final gap" : judged.HasAccuracy ? "median accuracy" : "median final loss";
}
