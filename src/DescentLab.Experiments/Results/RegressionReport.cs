namespace DescentLab.Experiments.Results;

/// <summary>A run set compared with its baseline, by run_id.</summary>
/// <param name="BaselineSource">Where the baseline came from (a path, or "previous: &lt;run set&gt;").</param>
/// <param name="Regressions">Runs that got worse, one finding per metric.</param>
/// <param name="Improvements">Runs that got better.</param>
/// <param name="NewRuns">Run ids only in the current set.</param>
/// <param name="MissingRuns">Run ids only in the baseline.</param>
/// <param name="Unchanged">Runs compared with no change beyond tolerance.</param>
public sealed record RegressionReport(
    string BaselineSource,
    IReadOnlyList<RegressionFinding> Regressions,
    IReadOnlyList<RegressionFinding> Improvements,
    IReadOnlyList<string> NewRuns,
    IReadOnlyList<string> MissingRuns,
    int Unchanged)
{
    /// <summary>True when any run regressed.</summary>
    public bool HasRegressions => Regressions.Count > 0;
}
