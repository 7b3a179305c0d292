using System.Globalization;
using System.Text;
using DescentLab.Experiments.Analysis;
using DescentLab.Output.Plots;
using static DescentLab.Output.Site.SiteHtml;

namespace DescentLab.Output.Site;

/// <summary>A problem's page: every setting's judging quantity over the config's nights in one chart (x = nights labelled
/// by date and commit, steps marked, hover values, a click on the legend hides a series), the steps with their commit
/// ranges, and the nights with links to their reports; the trend image stands in where scripts do not run.</summary>
internal static class ProblemPage
{
    private const string Root = "../";

    private static readonly string[] StepHeaders = ["night", "setting", "change", "commits", "reports"];

    private static readonly string[] NightHeaders = ["night", "commit", "machine", "leader", "report"];

    /// <summary>The page of <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="withReport">The nights whose report is in the site.</param>
    /// <param name="hasImage">The fallback image is drawn next to the page.</param>
    public static string Render(SiteProblem problem, ISet<long> withReport, bool hasImage)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(Encode(problem.Title)).Append("</h1>\n<p>Config <code>").Append(Encode(problem.Config)).Append("</code>; ")
            .Append(Encode(string.Create(CultureInfo.InvariantCulture, $"{Metric(problem.Metric)}{(problem.Metric == TrendMetric.FinalGap ? " (log scale)" : string.Empty)} of each setting over {problem.Nights.Count} nights, labelled by UTC date and git commit; triangles mark steps (up: the value rose). Hover for values; click a setting in the legend to hide it.")))
            .Append("</p>\n<div class=\"chart\" id=\"chart\"></div>\n<noscript>");
        body.Append(hasImage
            ? $"<img src=\"{Encode(Path.GetFileName(problem.ImagePath))}\" alt=\"{Encode("The trend of " + problem.Title + ": the latest leader and every setting that stepped.")}\">"
            : "<p>The chart needs JavaScript.</p>");
        body.Append("</noscript>\n<h2>Change points</h2>\n");
        body.Append(problem.Steps.Count == 0
            ? "<p>No setting stepped by a factor of 2 or more.</p>\n"
            : Table("steps", StepHeaders, problem.Steps.AsEnumerable().Reverse().Select(s => (IReadOnlyList<string>)
            [
                Encode(s.NightAfter.When),
                "<code>" + Encode(s.Setting) + "</code>",
                Change(s),
                "<code>" + Encode(s.CommitRange) + "</code>",
                ReportLink(s.NightBefore, Root, withReport, "before") + " · " + ReportLink(s.NightAfter, Root, withReport, "after"),
            ])));
        body.Append("<h2>Nights</h2>\n");
        body.Append(Table("nights", NightHeaders, Enumerable.Range(0, problem.Nights.Count).Reverse().Select(i => (IReadOnlyList<string>)
        [
            Encode(problem.Nights[i].When),
            "<code>" + Encode(TrendAnalysis.Short(problem.Nights[i].Commit)) + "</code>",
            Encode(problem.Nights[i].Machine),
            problem.Points.FirstOrDefault(p => p.RunSetId == problem.Nights[i].Id && p.Leader) is { } leader ? "<code>" + Encode(leader.Setting) + "</code>" : string.Empty,
            ReportLink(problem.Nights[i], Root, withReport, "report"),
        ])));
        return Page(problem.Title + " · " + problem.Config, Root, body.ToString(), Chart(problem), chart: true);
    }

    private static object Chart(SiteProblem problem)
    {
        bool log = problem.Metric == TrendMetric.FinalGap;
        var styles = VariantStyles.Of(problem.Series.Select(s => (s.Variant, (string?)null, (string?)null)));
        return new
        {
            Metric = Metric(problem.Metric),
            Log = log,
            Labels = problem.Nights.Select(n => n.AxisLabel).ToList(),
            Series = problem.Series.Select(series =>
            {
                // Settings that share a colour get its shades, so no two lines look alike.
                var colour = styles.ColourOf(series.Variant);
                var sameColour = problem.Series.Where(s => styles.ColourOf(s.Variant) == colour).ToList();
                var values = new double?[problem.Nights.Count];
                foreach (var (night, value) in series.Points)
                {
                    // A log axis cannot show zero or negative gaps: they sit at the floor the report's plots use.
                    values[night] = log ? Math.Max(value, LogScale.Floor) : value;
                }

                return new
                {
                    Label = series.Setting + (series.Leader ? " (leader)" : string.Empty),
                    Colour = PanelShades.Shade(colour, sameColour.IndexOf(series), sameColour.Count).ToHex(),
                    Values = values,
                };
            }).ToList(),
            Steps = problem.Series.SelectMany((series, i) => series.Steps.Select(step => new
            {
                Series = i,
                X = series.Points[step.Index].RunSet,
                Up = step.After > step.Before,
            })).ToList(),
        };
    }
}
