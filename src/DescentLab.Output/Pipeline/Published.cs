using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>A run set as written: with its regression report and trend, why the baseline could not be used, if so, the
/// exporters that failed (then the folder stays marked incomplete), and how it ends (<see cref="RunSetOutcome"/>).</summary>
public sealed record Published(RunSet Set, string? BaselineError, IReadOnlyList<string> ExportErrors)
{
    /// <summary>How the run set ends, by the one rule of <see cref="RunSetOutcome"/>.</summary>
    public PipelineOutcome Outcome { get; init; }
}
