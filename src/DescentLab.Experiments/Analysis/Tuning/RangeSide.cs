namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>Which end of a hyper-parameter's range the best trial presses against, if any.</summary>
public enum RangeSide
{
    /// <summary>Inside the range: nothing to widen.</summary>
    None,

    /// <summary>At the low end: widen the range below.</summary>
    Low,

    /// <summary>At the high end: widen the range above.</summary>
    High,
}
