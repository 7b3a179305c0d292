using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Ci;

namespace DescentLab.Output.Pipeline;

/// <summary>What <c>descentlab run</c> was asked to do.</summary>
/// <param name="ConfigPaths">Config files as given.</param>
/// <param name="ReportsRoot">Absolute reports root (history.db and default run folders live here).</param>
/// <param name="OutDir">Explicit run folder (<c>--out</c>), or null for <c>reports/&lt;name&gt;/&lt;stamp&gt;</c>.</param>
/// <param name="Parallel">Runs at once.</param>
/// <param name="Shard">Shard of the matrix, or null.</param>
/// <param name="FailOnRegression">Exit 3 on a regression even when the config does not ask for it.</param>
/// <param name="DataFileMaxSamples">Datasets with more samples are not written to data/ (see <see cref="RunEnvironment"/>).</param>
public sealed record RunRequest(
    IReadOnlyList<string> ConfigPaths,
    string ReportsRoot,
    string? OutDir,
    int Parallel,
    ShardSpec? Shard,
    bool FailOnRegression,
    long DataFileMaxSamples = RunEnvironment.DefaultDataFileMaxSamples)
{
    /// <summary>JUnit XML and step summary files for CI.</summary>
    public CiOutputs Ci { get; init; } = CiOutputs.None;

    /// <summary><c>--set</c> overrides, applied to every config before it is validated.</summary>
    public IReadOnlyList<ConfigOverride> Overrides { get; init; } = [];
}
