using DescentLab.Experiments.Analysis;
using DescentLab.Output.History;
using DescentLab.Output.Plots;

namespace DescentLab.Output.Site;

/// <summary>Writes the static history site: index.html, regressions.html, a page per problem, a copy of every night's
/// report.html and the assets, all inside the site folder, so it opens from file:// without a network.</summary>
/// <remarks>Incremental: every page is rendered in memory and written (atomically) only when its bytes differ from the
/// file there, a problem's image is drawn only when its page changed or is missing, and a report is copied only when its
/// size or time differs. Files of nights and problems no longer in the history are removed from <c>nights/</c> and
/// <c>problems/</c>; nothing else in the folder is touched.</remarks>
public static class SitePublisher
{
    /// <summary>The site folder under the reports root when none is given.</summary>
    public const string DefaultFolder = "site";

    private const string ReportsFolder = "nights";

    private const string ProblemsFolder = "problems";

    /// <summary>Publishes the history at <paramref name="history"/> (by default <paramref name="reportsRoot"/>'s
    /// history.db) into <paramref name="siteDir"/>; run folders recorded relative are taken from <paramref name="reportsRoot"/>.</summary>
    /// <exception cref="HistoryException">There is no history, or it cannot be read.</exception>
    public static SitePublication Publish(string reportsRoot, string siteDir, HistoryLocation? history = null)
    {
        var location = history ?? HistoryLocation.InReportsRoot(reportsRoot);
        if (!location.IsPostgres && !File.Exists(location.Value))
        {
            throw new HistoryException(location.Display, "no history database here yet: run a config first, or point DescentLab:ReportsDir at the reports folder");
        }

        using var store = new HistoryStore(location);
        var nights = HistoryNights.Read(store);
        var content = SiteContent.From(nights, config => store.Trend(config, int.MaxValue), config => store.LatestComplete(config, null)?.Rows ?? []);
        return Write(content, reportsRoot, siteDir);
    }

    /// <summary>Writes <paramref name="content"/> into <paramref name="siteDir"/>; run folders recorded relative are taken
    /// from <paramref name="reportsRoot"/>.</summary>
    public static SitePublication Write(SiteContent content, string reportsRoot, string siteDir)
    {
        var site = new SiteFolder(Path.GetFullPath(siteDir));
        foreach (var (name, bytes) in SiteAssets.All())
        {
            site.WriteIfChanged("assets/" + name, bytes);
        }

        var withReport = new HashSet<long>();
        foreach (var night in content.Nights)
        {
            string report = Path.GetFullPath(Path.Combine(reportsRoot, night.RunDir, Report.ReportRenderer.HtmlFile));
            if (File.Exists(report))
            {
                site.CopyIfChanged(night.ReportPath, report);
                withReport.Add(night.Id);
            }
        }

        site.WriteIfChanged(IndexPage.FileName, IndexPage.Render(content, withReport));
        site.WriteIfChanged(RegressionsPage.FileName, RegressionsPage.Render(content, withReport));
        foreach (var problem in content.Problems)
        {
            var fallback = TrendAnalysis.From(problem.Points, VariantFamilies.MaxLinesPerPanel);
            var panels = fallback.Problems.Where(p => p.Series.Count > 0).ToList();
            bool hasImage = fallback.RunSets.Count >= 2 && panels.Count > 0;
            bool changed = site.WriteIfChanged(problem.PagePath, ProblemPage.Render(problem, withReport, hasImage));
            if (hasImage && (changed || !site.Exists(problem.ImagePath)) && !site.Draw(problem.ImagePath, () => Image(fallback, panels)))
            {
                site.WriteIfChanged(problem.PagePath, ProblemPage.Render(problem, withReport, hasImage: false));
            }
        }

        site.RemoveOthers(ReportsFolder);
        site.RemoveOthers(ProblemsFolder);
        return new SitePublication(site.FullPath, content.Nights.Count, content.Problems.Count, content.Regressions.Count, site.Written, site.Removed, site.Notes);
    }

    private static PlotFigure Image(TrendAnalysis analysis, IReadOnlyList<TrendProblem> panels) =>
        TrendPlot.Draw(analysis.RunSets, panels, VariantStyles.Of(panels.SelectMany(p => p.Series).Select(s => (s.Variant, (string?)null, (string?)null))));
}
