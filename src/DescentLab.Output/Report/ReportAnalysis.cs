using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;

namespace DescentLab.Output.Report;

/// <summary>What report.md states about a run set that no image decides: its leaderboards, its counts and its resolved
/// config's text. Worked out apart from the writing, so it can be computed while the images are drawn.</summary>
/// <param name="Boards">Every problem's leaderboard.</param>
/// <param name="Summary">The set's counts.</param>
/// <param name="ResolvedConfig">The resolved config as the report prints it (indented JSON).</param>
internal sealed record ReportAnalysis(IReadOnlyList<Leaderboard> Boards, RunSetSummary Summary, string ResolvedConfig)
{
    /// <summary>The analysis of <paramref name="set"/>.</summary>
    public static ReportAnalysis Of(RunSet set) =>
        new(Leaderboard.Build(set), RunSetSummary.From(set), ResolvedConfigJson.ToText(set.Manifest.ResolvedConfig));
}
