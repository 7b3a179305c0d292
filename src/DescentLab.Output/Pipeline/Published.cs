using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>A run set as written: with its regression report and trend, why the baseline could not be used, if so, the
/// publishing steps that failed (an exporter, history, completing, <c>latest</c>, CI files; then the exit code is 1, and
/// when one failed before the set was complete the folder stays marked incomplete), and how it ends
/// (<see cref="RunSetOutcome"/>).</summary>
public sealed record Published(RunSet Set, string? BaselineError, IReadOnlyList<string> Errors)
{
    /// <summary>How the run set ends, by the one rule of <see cref="RunSetOutcome"/>.</summary>
    public PipelineOutcome Outcome { get; init; }
}
