using System.CommandLine;
using DescentLab.Output.Ci;

namespace DescentLab.Host.Commands;

/// <summary>The CI options shared by <c>run</c>, <c>merge</c> and <c>compare</c>.</summary>
public static class CiOptions
{
    /// <summary>A new <c>--junit FILE</c> option.</summary>
    public static Option<string?> Junit() =>
        new("--junit") { Description = "Also write JUnit XML to FILE: one testcase per problem × variant setting, failing on a regression or a failed run." };

    /// <summary>The CI files: <paramref name="junitPath"/>, and the step summary named by GITHUB_STEP_SUMMARY when it is set.</summary>
    public static CiOutputs Outputs(string? junitPath) =>
        new(junitPath, Environment.GetEnvironmentVariable(CiOutputs.StepSummaryVariable) is { Length: > 0 } path ? path : null);
}
