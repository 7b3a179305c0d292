namespace DescentLab.Experiments.Analysis;

/// <summary>What a problem's trend follows.</summary>
public enum TrendMetric
{
    /// <summary>Median final gap (when some run set's median did not reach the target).</summary>
    FinalGap,

    /// <summary>Median epochs to target (when every setting's median reached it in every run set).</summary>
    EpochsToTarget,

    /// <summary>Median final accuracy (where accuracy judges the problem and some median did not reach the target).</summary>
    Accuracy,
}
