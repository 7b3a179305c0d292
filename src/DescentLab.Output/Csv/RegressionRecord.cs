namespace DescentLab.Output.Csv;

/// <summary>One record of regression.csv, as text: what a row's fields mean depends on its <paramref name="Kind"/>
/// (<see cref="RegressionCsv"/>).</summary>
/// <param name="Kind">The row's kind: source, unchanged, config, not_compared, setting_…, regression, improvement, new or missing.</param>
/// <param name="RunId">The run, or the setting of a <c>setting_…</c> row.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="Baseline">The baseline's value (or source, or config hash).</param>
/// <param name="Current">The current value (or count, or config hash).</param>
/// <param name="Change">The change (or the reason a comparison was skipped).</param>
/// <param name="BaselineWorst">A setting's worst baseline seed.</param>
/// <param name="CurrentWorst">A setting's worst current seed.</param>
/// <param name="Tolerance">A setting's tolerance.</param>
public sealed record RegressionRecord(
    string Kind,
    string RunId = "",
    string Metric = "",
    string Baseline = "",
    string Current = "",
    string Change = "",
    string BaselineWorst = "",
    string CurrentWorst = "",
    string Tolerance = "");
