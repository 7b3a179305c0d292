using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>The one rule from a written run set to its <see cref="PipelineOutcome"/>, shared by <c>run</c>, <c>merge</c>
/// and <c>serve</c>, so the same data always gives the same exit code.</summary>
/// <remarks>Precedence, worst first: bad input (an unreadable baseline) &gt; failure (a failed run or publishing step) &gt; regression &gt;
/// success. A failed run outranks a regression because exit 3 promises that every run finished and only convergence got
/// worse; with a failed run that promise does not hold.</remarks>
public static class RunSetOutcome
{
    /// <summary>The outcome of a published run set.</summary>
    /// <param name="published">The run set with its regression report, baseline error and failed publishing steps.</param>
    /// <param name="failOnRegression">The command or the config asks to fail on a regression.</param>
    public static PipelineOutcome Of(Published published, bool failOnRegression)
    {
        var set = published.Set;
        if (published.BaselineError is not null)
        {
            return PipelineOutcome.BadInput;
        }

        if (published.Errors.Count > 0)
        {
            return PipelineOutcome.Failure;
        }

        if (set.Rows.Any(r => r.Status == RunStatus.Failed))
        {
            return PipelineOutcome.Failure;
        }

        return failOnRegression && set.Regression is { HasRegressions: true } ? PipelineOutcome.Regression : PipelineOutcome.Success;
    }

    /// <summary>The worse of two outcomes (several configs in one invocation).</summary>
    public static PipelineOutcome Worst(PipelineOutcome a, PipelineOutcome b) => a > b ? a : b;
}
