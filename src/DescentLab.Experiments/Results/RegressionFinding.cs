namespace DescentLab.Experiments.Results;

/// <summary>One metric of one run that changed against the baseline.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Metric"><c>final_gap</c>, <c>epochs_to_target</c> or <c>status</c>.</param>
/// <param name="Baseline">Baseline value as text.</param>
/// <param name="Current">Current value as text.</param>
/// <param name="Change">Change as text (relative for gaps, difference for epochs, arrow for status).</param>
public sealed record RegressionFinding(string RunId, string Metric, string Baseline, string Current, string Change);
