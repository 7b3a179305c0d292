using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>A run set as written: with its regression report and trend, why the baseline could not be read, if so, and
/// the exporters that failed (then the folder stays marked incomplete).</summary>
public sealed record Published(RunSet Set, string? BaselineError, IReadOnlyList<string> ExportErrors);
