using DescentLab.Output.Pipeline;

namespace DescentLab.Host.Commands;

/// <summary>Process exit codes, and the one mapping from an outcome to a code every command uses.</summary>
/// <remarks>When several things went wrong the worst wins: bad input (2) over a failure (1) over a regression (3); see
/// <see cref="RunSetOutcome"/> for why a failed run outranks a regression.</remarks>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>A failure while running (a failed run, an I/O error, a cancelled run set).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: usage or config.</summary>
    public const int BadInput = 2;

    /// <summary>A convergence regression against the baseline, when asked to fail on it.</summary>
    public const int Regression = 3;

    /// <summary>The exit code of <paramref name="outcome"/>.</summary>
    public static int Of(PipelineOutcome outcome) => outcome switch
    {
        PipelineOutcome.Success => Success,
        PipelineOutcome.Regression => Regression,
        PipelineOutcome.BadInput => BadInput,
        _ => Failure,
    };
}
