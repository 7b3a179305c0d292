namespace DescentLab.Output.Site;

/// <summary>One complete, unsharded run set of the history, as the published site shows it: a night of a config.</summary>
/// <param name="Id">History id.</param>
/// <param name="Config">Config name.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="Commit">Git commit it ran from, or null.</param>
/// <param name="RunDir">Its run folder as recorded.</param>
/// <param name="Machine">The machine it ran on (<see cref="HistoryNights.UnknownMachine"/> when history does not say).</param>
public sealed record SiteNight(long Id, string Config, DateTimeOffset StartedUtc, string? Commit, string RunDir, string Machine)
{
    /// <summary>Where the night's report.html is copied, relative to the site root.</summary>
    public string ReportPath => $"nights/{Id}-{DescentLab.Experiments.Planning.RunIds.Sanitize(Path.GetFileName(RunDir.TrimEnd('/', '\\')))}/report.html";

    /// <summary>The label on a chart's x axis: the UTC date (with the time when another night of the config shares the
    /// date) over the short commit (<see cref="DescentLab.Experiments.Analysis.TrendRunSet.AxisLabel"/>).</summary>
    public string AxisLabel { get; init; } = string.Empty;

    /// <summary>The UTC date and time, as the site writes it.</summary>
    public string When => StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
