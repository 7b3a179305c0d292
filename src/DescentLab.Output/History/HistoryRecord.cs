using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>One recorded run set as a whole, every stored field kept: what <c>history export</c> and <c>import</c> move
/// between stores.</summary>
/// <param name="ConfigName">Config name.</param>
/// <param name="ConfigHash">SHA-256 of its config.</param>
/// <param name="GitCommit">Git commit, or null.</param>
/// <param name="StartedUtc">Start time as stored (ISO 8601 round-trip text).</param>
/// <param name="FinishedUtc">Finish time as stored.</param>
/// <param name="Complete">Recorded complete (a baseline and part of trends).</param>
/// <param name="RunDir">The run folder as recorded.</param>
/// <param name="Shard">Shard as <c>K/N</c>, or null.</param>
/// <param name="Environment">Machine and environment.</param>
/// <param name="Rows">Its runs, in plan order.</param>
/// <remarks>The store's id is not part of it: ids are local to a store; order is kept by importing in the exported order.</remarks>
public sealed record HistoryRecord(
    string ConfigName,
    string ConfigHash,
    string? GitCommit,
    string StartedUtc,
    string FinishedUtc,
    bool Complete,
    string RunDir,
    string? Shard,
    HistoryEnvironment Environment,
    IReadOnlyList<SummaryRow> Rows);
