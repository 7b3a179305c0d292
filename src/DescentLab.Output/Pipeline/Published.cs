using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>A run set as written: with its regression report and trend, and why the baseline could not be read, if so.</summary>
public sealed record Published(RunSet Set, string? BaselineError);
