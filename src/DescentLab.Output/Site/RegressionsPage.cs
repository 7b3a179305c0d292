using System.Text;
using static DescentLab.Output.Site.SiteHtml;

namespace DescentLab.Output.Site;

/// <summary>regressions.html: every step that made a setting worse, newest first, with its commit range and the reports of
/// the nights on either side (asv's regressions page).</summary>
internal static class RegressionsPage
{
    /// <summary>The file name.</summary>
    public const string FileName = "regressions.html";

    private static readonly string[] Headers = ["night", "config", "problem", "setting", "measure", "change", "commits", "night before", "night after"];

    /// <summary>The page of <paramref name="content"/>; <paramref name="withReport"/> holds the nights whose report is in the site.</summary>
    public static string Render(SiteContent content, ISet<long> withReport)
    {
        var regressions = content.Regressions;
        var body = new StringBuilder("<h1>Regressions</h1>\n");
        body.Append("<p>Every step (a factor of 2 or more, found by the trend analysis) that made a setting worse, newest first. "
            + "The commit range runs from the last night before the step to the first night after it.</p>\n");
        body.Append(regressions.Count == 0
            ? "<p>No step made a setting worse.</p>\n"
            : Table("regressions", Headers, regressions.Select(s => (IReadOnlyList<string>)
            [
                Encode(s.NightAfter.When),
                Encode(s.Problem.Config),
                Link(s.Problem.PagePath, s.Problem.Title),
                "<code>" + Encode(s.Setting) + "</code>",
                Encode(Metric(s.Problem.Metric)),
                Change(s),
                "<code>" + Encode(s.CommitRange) + "</code>",
                ReportLink(s.NightBefore, string.Empty, withReport, s.NightBefore.When),
                ReportLink(s.NightAfter, string.Empty, withReport, s.NightAfter.When),
            ])));
        return Page("Regressions · DescentLab history", string.Empty, body.ToString(), null, chart: false);
    }
}
