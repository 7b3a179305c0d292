namespace DescentLab.Host.Commands;

/// <summary>Process exit codes (SPEC §2).</summary>
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
}
