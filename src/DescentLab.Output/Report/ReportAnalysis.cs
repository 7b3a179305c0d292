using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;
using DescentLab.Output.Plots;

namespace DescentLab.Output.Report;

/// <summary>What report.md states about a run set that no image decides: its runs grouped by problem and setting, its
/// leaderboards, its counts, its trend's analysis and its resolved config's text. Worked out apart from the writing, so it
/// can be computed while the images are drawn; the grouping, leaderboards and trend are those the figures read
/// (<see cref="RunSetAnalyses"/>).</summary>
/// <param name="Problems">The runs grouped by problem and setting, problems in plan order.</param>
/// <param name="Boards">Every problem's leaderboard, built from <paramref name="Problems"/>.</param>
/// <param name="Summary">The set's counts.</param>
/// <param name="Trend">The trend of the set's last nights, as the headline's steps read it.</param>
/// <param name="ResolvedConfig">The resolved config as the report prints it (indented JSON).</param>
internal sealed record ReportAnalysis(
    IReadOnlyList<ProblemRuns> Problems,
    IReadOnlyList<Leaderboard> Boards,
    RunSetSummary Summary,
    TrendAnalysis Trend,
    string ResolvedConfig)
{
    /// <summary>The analysis of <paramref name="set"/>.</summary>
    public static ReportAnalysis Of(RunSet set) => new(
        RunSetAnalyses.Problems(set),
        RunSetAnalyses.Boards(set),
        RunSetSummary.From(set),
        RunSetAnalyses.Trend(set),
        ResolvedConfigJson.ToText(set.Manifest.ResolvedConfig));
}
