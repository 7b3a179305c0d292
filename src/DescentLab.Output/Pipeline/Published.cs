using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>A run set as written: with its regression report and trend, why the baseline could not be used, if so, and how
/// the gate ends (bad input for a missing baseline that must fail or an unreadable one, then failed runs, then regressions
/// that must fail).</summary>
public sealed record Published(RunSet Set, string? BaselineError, PipelineOutcome Outcome);
