using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Report;

namespace DescentLab.Output.Site;

/// <summary>Everything the published site shows, computed from the history: per config its nights, per problem every
/// setting's judging quantity over the nights with its steps, and the steps that made a setting worse.</summary>
/// <param name="Nights">Every night, oldest id first.</param>
/// <param name="Problems">Every problem of every config, in config order (first night) and then plan order.</param>
public sealed record SiteContent(IReadOnlyList<SiteNight> Nights, IReadOnlyList<SiteProblem> Problems)
{
    /// <summary>Every step that made a setting worse, newest first.</summary>
    public IReadOnlyList<SiteStep> Regressions =>
        [.. Problems.SelectMany(p => p.Steps).Where(s => s.Worse).OrderByDescending(s => s.NightAfter.StartedUtc).ThenByDescending(s => s.NightAfter.Id)];

    /// <summary>Builds the content.</summary>
    /// <param name="nights">The nights (<see cref="HistoryNights.Read"/>).</param>
    /// <param name="trend">A config's trend points over all its nights, oldest first.</param>
    /// <param name="latestRows">The rows of a config's latest night.</param>
    /// <remarks>Steps come from <see cref="TrendAnalysis"/> (the report's trend and the headline use the same), the winner
    /// and its status from the latest night's leaderboards (<see cref="LeaderRule"/>), as the report's headline.</remarks>
    public static SiteContent From(
        IReadOnlyList<SiteNight> nights,
        Func<string, IReadOnlyList<TrendPoint>> trend,
        Func<string, IReadOnlyList<SummaryRow>> latestRows)
    {
        var byId = nights.ToDictionary(n => n.Id);
        var problems = new List<SiteProblem>();
        foreach (string config in nights.Select(n => n.Config).Distinct(StringComparer.Ordinal))
        {
            var points = trend(config).Where(p => byId.ContainsKey(p.RunSetId)).ToList();
            var analysis = TrendAnalysis.From(points, int.MaxValue, everySetting: true);
            if (analysis.RunSets.Count == 0)
            {
                continue;
            }

            var axis = analysis.RunSets.Select(r => byId[r.Id] with { AxisLabel = r.AxisLabel }).ToList();
            var winners = ProblemWinner.From(Leaderboard.Build(latestRows(config))).ToDictionary(w => w.Problem.Label, StringComparer.Ordinal);
            foreach (var trendProblem in analysis.Problems)
            {
                var winner = winners.GetValueOrDefault(trendProblem.Problem);
                var problem = new SiteProblem(
                    config,
                    trendProblem.Problem,
                    trendProblem.Metric,
                    axis,
                    trendProblem.Series,
                    [.. points.Where(p => p.Problem == trendProblem.Problem)],
                    winner?.Winner.Setting.Label,
                    winner is null ? null : HeadlineSection.Status(winner.Winner));
                problems.Add(problem with { Steps = Steps(problem) });
            }
        }

        return new SiteContent(nights, problems);
    }

    private static List<SiteStep> Steps(SiteProblem problem) =>
        [.. problem.Series.SelectMany(series => series.Steps.Select(step => new SiteStep(
            problem,
            series.Setting,
            step.Before,
            step.After,
            problem.Nights[series.Points[step.Index - 1].RunSet],
            problem.Nights[series.Points[step.Index].RunSet])))
            .OrderBy(s => s.NightAfter.StartedUtc)];
}
