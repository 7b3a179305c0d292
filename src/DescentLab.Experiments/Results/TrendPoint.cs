namespace DescentLab.Experiments.Results;

/// <summary>One variant's result in one past run set of the same config (for the nightly trend plot).</summary>
/// <param name="RunSetId">History id of the run set.</param>
/// <param name="StartedUtc">When that run set started.</param>
/// <param name="Variant">Variant key.</param>
/// <param name="MedianFinalGap">Median final gap over that variant's runs.</param>
/// <param name="MedianEpochsToTarget">Median epochs to target over the runs that reached it, or null if none did.</param>
public sealed record TrendPoint(long RunSetId, DateTimeOffset StartedUtc, string Variant, double MedianFinalGap, double? MedianEpochsToTarget);
