namespace DescentLab.Experiments.Analysis;

/// <summary>One step found by <see cref="ChangePoints.Detect"/>.</summary>
/// <param name="Index">Index of the first value after the step.</param>
/// <param name="Before">Mean of the segment before the step.</param>
/// <param name="After">Mean of the segment from <paramref name="Index"/> on.</param>
public sealed record ChangePoint(int Index, double Before, double After);
