using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>A run set recorded in the history database, with its rows in plan order.</summary>
/// <param name="Id">History id (grows with every recorded run set).</param>
/// <param name="RunDir">The run folder as it was recorded.</param>
/// <param name="StartedUtc">When the run set started.</param>
/// <param name="GitCommit">Git commit it ran from, if known.</param>
/// <param name="Rows">Its summary rows.</param>
/// <param name="ConfigHash">SHA-256 of the config it ran from.</param>
public sealed record HistoryRunSet(long Id, string RunDir, DateTimeOffset StartedUtc, string? GitCommit, IReadOnlyList<SummaryRow> Rows, string ConfigHash)
{
    /// <summary>The baseline source text for a regression report: <c>previous: &lt;run folder&gt;</c>.</summary>
    public string Source => $"{RegressionConfig.Previous}: {RunDir}";

    /// <summary>The machine and environment it ran on.</summary>
    public HistoryEnvironment Environment { get; init; } = HistoryEnvironment.Unknown;

    /// <summary>The machine it ran on, or null when it was recorded before machines were kept.</summary>
    public string? Machine => Environment.Machine;
}
