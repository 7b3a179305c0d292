namespace DescentLab.Experiments.Analysis;

/// <summary>One problem × setting over the run sets of a trend.</summary>
/// <param name="Variant">Variant key (for its colour).</param>
/// <param name="Setting">Setting label.</param>
/// <param name="Points">(run set index, value of the problem's metric); a run set where the setting diverged or did not run is absent.</param>
/// <param name="Steps">Steps of the metric; <see cref="ChangePoint.Index"/> indexes <paramref name="Points"/>, the levels are
/// back on the metric's scale (geometric means of the segments).</param>
/// <param name="Leader">Best setting of the problem in the latest run set.</param>
public sealed record TrendSeries(string Variant, string Setting, IReadOnlyList<(int RunSet, double Value)> Points, IReadOnlyList<ChangePoint> Steps, bool Leader);
