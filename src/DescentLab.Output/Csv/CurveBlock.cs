using DescentLab.Core.Training;

namespace DescentLab.Output.Csv;

/// <summary>One run's rows of curves.csv, read.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Curve">Its curve.</param>
/// <param name="Location">Where its rows are.</param>
public sealed record CurveBlock(string RunId, Curve Curve, CurveLocation Location);
