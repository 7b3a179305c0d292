using DescentLab.Core.Metrics;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Which measures judge a problem's runs (docs/judgments.md), so leaderboards, headline and plots show the measure
/// that decides: the gap for exact and best_known references, the loss and accuracy for an infimum.</summary>
/// <param name="ByGap">Some dataset instance has an exact or best_known L* (or a kind not recorded): its gap decides.</param>
/// <param name="ByLoss">Some dataset instance has an infimum L*: its gap decides nothing; loss and accuracy do.</param>
/// <param name="HasAccuracy">A classification problem: its runs have an accuracy.</param>
public sealed record ProblemJudgment(bool ByGap, bool ByLoss, bool HasAccuracy)
{
    /// <summary>Judged by the gap alone (a problem without runs, too).</summary>
    public static ProblemJudgment Gap { get; } = new(true, false, false);

    /// <summary>The judgment of a problem from its runs' reference kinds; a problem whose instances differ in kind (a
    /// seed's beans separable, another's not) is judged both ways.</summary>
    public static ProblemJudgment Of(IEnumerable<SummaryRow> rows)
    {
        bool byGap = false;
        bool byLoss = false;
        bool accuracy = false;
        foreach (var row in rows)
        {
            byGap |= row.OptimumKind != ReferenceKind.Infimum;
            byLoss |= row.OptimumKind == ReferenceKind.Infimum;
            accuracy |= row.Accuracy is not null;
        }

        return byGap || byLoss ? new(byGap, byLoss, accuracy) : Gap;
    }

    /// <summary>Judged by loss and accuracy only: the gap to the bound is not a measure here.</summary>
    public bool InfimumOnly => ByLoss && !ByGap;
}
