namespace DescentLab.Output.Ci;

/// <summary>Files for a CI system, besides the run folder.</summary>
/// <param name="JunitPath">JUnit XML to write (<c>--junit FILE</c>), or null.</param>
/// <param name="StepSummaryPath">Markdown file to append the headline and regression table to (GitHub Actions'
/// <c>GITHUB_STEP_SUMMARY</c>), or null.</param>
public sealed record CiOutputs(string? JunitPath, string? StepSummaryPath)
{
    /// <summary>No CI files.</summary>
    public static CiOutputs None { get; } = new(null, null);

    /// <summary>The environment variable GitHub Actions sets to the step summary file.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";
}
