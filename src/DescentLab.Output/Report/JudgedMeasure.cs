using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Text;
using static DescentLab.Output.Report.ReportFormat;

namespace DescentLab.Output.Report;

/// <summary>The columns and words of the measures that judge a problem: the final gap for exact and best_known references,
/// the final loss and accuracy where an infimum's gap decides nothing (docs/judgments.md).</summary>
internal static class JudgedMeasure
{
    /// <summary>Headers of the measure columns of a leaderboard, after the epochs and gradient evaluations to target.</summary>
    public static IReadOnlyList<string> Headers(ProblemJudgment judged)
    {
        var headers = new List<string>();
        if (judged.ByGap)
        {
            headers.Add("final gap");
        }

        if (judged.ByLoss)
        {
            headers.Add("final loss");
            if (judged.HasAccuracy)
            {
                headers.Add("accuracy");
            }
        }

        return headers;
    }

    /// <summary>The cells under <see cref="Headers"/> for <paramref name="entry"/>.</summary>
    public static IReadOnlyList<string> Cells(ProblemJudgment judged, LeaderboardEntry entry)
    {
        var cells = new List<string>();
        if (judged.ByGap)
        {
            cells.Add(Gap(entry.FinalGap));
        }

        if (judged.ByLoss)
        {
            cells.Add(Gap(entry.FinalLoss));
            if (judged.HasAccuracy)
            {
                cells.Add(Accuracy(entry.Accuracy));
            }
        }

        return cells;
    }

    /// <summary>Where a setting ends by the measure that ranks it after epochs to target, e.g. <c>gap 1.2e-7</c> or
    /// <c>accuracy 0.97, loss 0.051</c>.</summary>
    public static string FinalState(ProblemJudgment judged, LeaderboardEntry entry)
    {
        if (!judged.ByLoss)
        {
            return "gap " + Gap(entry.FinalGap);
        }

        string loss = "loss " + Gap(entry.FinalLoss);
        return judged.HasAccuracy ? "accuracy " + Accuracy(entry.Accuracy) + ", " + loss : loss;
    }

    /// <summary>How the leaderboard ranks settings, for the text under it.</summary>
    public static string Ranking(ProblemJudgment judged) => judged.ByLoss
        ? "fewest epochs to target, then highest median accuracy, then smallest median final loss"
        : "fewest epochs to target, then smallest median final gap";

    /// <summary>An accuracy such as <c>0.97</c> or <c>1</c>; <see cref="None"/> when there is none.</summary>
    public static string Accuracy(double? value) =>
        value is double a && double.IsFinite(a) ? HumanNumber.Share(a) : None;
}
