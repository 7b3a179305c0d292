namespace DescentLab.Experiments.Analysis;

/// <summary>The trend of one problem: the metric it follows and the settings worth showing.</summary>
/// <param name="Problem">Problem label.</param>
/// <param name="Metric">The metric every series of the problem follows.</param>
/// <param name="Series">The leader first, then the settings that stepped, most recent step first.</param>
public sealed record TrendProblem(string Problem, TrendMetric Metric, IReadOnlyList<TrendSeries> Series);
