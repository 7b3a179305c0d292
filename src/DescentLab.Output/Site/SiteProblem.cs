using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Site;

/// <summary>One problem of one config over its nights: what its page shows and the index sums up.</summary>
/// <param name="Config">Config name.</param>
/// <param name="Problem">Problem label (empty for history recorded without one).</param>
/// <param name="Metric">The judging quantity every setting follows.</param>
/// <param name="Nights">The config's nights, oldest first: the x axis (a setting's points index it).</param>
/// <param name="Series">Every setting, the latest leader first.</param>
/// <param name="Points">The problem's trend points (for the image fallback).</param>
/// <param name="Winner">The latest night's winner by the leader rule, or null when the problem did not run that night.</param>
/// <param name="Status">The winner's seeds by outcome, or null.</param>
public sealed record SiteProblem(
    string Config,
    string Problem,
    TrendMetric Metric,
    IReadOnlyList<SiteNight> Nights,
    IReadOnlyList<TrendSeries> Series,
    IReadOnlyList<TrendPoint> Points,
    string? Winner,
    string? Status)
{
    /// <summary>Every step of every setting, oldest first.</summary>
    public IReadOnlyList<SiteStep> Steps { get; init; } = [];

    /// <summary>The title: the problem, or the config when history has no problem label.</summary>
    public string Title => Problem.Length > 0 ? Problem : "all problems";

    /// <summary>The page, relative to the site root: readable, with a hash so names that sanitise alike stay apart.</summary>
    public string PagePath => $"problems/{RunIds.Sanitize(Config)}--{RunIds.Sanitize(Title)}-{SiteHash.Short(Config + "\n" + Problem)}.html";

    /// <summary>The image shown without scripts, next to the page.</summary>
    public string ImagePath => Path.ChangeExtension(PagePath, ".png");

    /// <summary>The latest night the problem ran, or the config's latest.</summary>
    public SiteNight LatestNight => Nights[Series.SelectMany(s => s.Points).Select(p => p.RunSet).DefaultIfEmpty(Nights.Count - 1).Max()];
}
