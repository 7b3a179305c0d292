namespace DescentLab.Core.Metrics;

/// <summary>How one local Newton solve of the reference ended.</summary>
internal enum LocalOutcome
{
    /// <summary>The gradient norm reached rounding level at finite, moderate parameters.</summary>
    Stationary,

    /// <summary>The parameters grew past the moderate bound and sharpening them further does not raise the loss: the
    /// loss approaches its value along the ray, which no finite parameters reach.</summary>
    Runaway,

    /// <summary>Neither: the solve stopped at a point it cannot certify (no descent left, or the iteration cap).</summary>
    Unverified,
}
