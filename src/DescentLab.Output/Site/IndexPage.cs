using System.Globalization;
using static DescentLab.Output.Site.SiteHtml;

namespace DescentLab.Output.Site;

/// <summary>index.html: every problem of every config at a glance (latest winner, its status, the last step), newest
/// first, with machine and config filters run by site.js over the embedded list of rows.</summary>
internal static class IndexPage
{
    /// <summary>The file name.</summary>
    public const string FileName = "index.html";

    private static readonly string[] Headers = ["config", "problem", "latest winner", "status", "last change", "latest night", "machine"];

    /// <summary>The page of <paramref name="content"/>; <paramref name="withReport"/> holds the nights whose report is in the site.</summary>
    public static string Render(SiteContent content, ISet<long> withReport)
    {
        var problems = content.Problems
            .OrderByDescending(p => p.LatestNight.StartedUtc)
            .ThenByDescending(p => p.Steps.Count > 0 ? p.Steps[^1].NightAfter.StartedUtc : DateTimeOffset.MinValue)
            .ToList();
        var body = new System.Text.StringBuilder();
        body.Append("<h1>DescentLab history</h1>\n");
        body.Append("<p>").Append(Encode(Summary(content))).Append(' ').Append(Link(RegressionsPage.FileName, "Every regression")).Append(".</p>\n");
        body.Append("<div id=\"filters\" class=\"filters\"></div>\n");
        body.Append(Table("problems", Headers, problems.Select(p => (IReadOnlyList<string>)
        [
            Encode(p.Config),
            Link(p.PagePath, p.Title),
            p.Winner is { } w ? "<code>" + Encode(w) + "</code>" : "<span class=\"muted\">not in the latest night</span>",
            p.Status is { } s ? Encode(s) : string.Empty,
            LastChange(p),
            ReportLink(p.LatestNight, string.Empty, withReport, p.LatestNight.When),
            Encode(p.LatestNight.Machine),
        ])));
        var data = new
        {
            Configs = content.Problems.Select(p => p.Config).Distinct().Order(StringComparer.Ordinal).ToList(),
            Machines = problems.Select(p => p.LatestNight.Machine).Distinct().Order(StringComparer.Ordinal).ToList(),
            Rows = problems.Select(p => new { p.Config, p.LatestNight.Machine }).ToList(),
        };
        return Page("DescentLab history", string.Empty, body.ToString(), data, chart: false);
    }

    private static string Summary(SiteContent content)
    {
        int configs = content.Nights.Select(n => n.Config).Distinct().Count();
        int regressions = content.Regressions.Count;
        if (content.Nights.Count == 0)
        {
            return "No complete night is recorded yet.";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{content.Nights.Count} nights of {configs} config{(configs == 1 ? string.Empty : "s")}, {content.Problems.Count} problems, "
            + $"from {content.Nights.Min(n => n.StartedUtc).UtcDateTime:yyyy-MM-dd} to {content.Nights.Max(n => n.StartedUtc).UtcDateTime:yyyy-MM-dd}; "
            + $"{regressions} step{(regressions == 1 ? string.Empty : "s")} made a setting worse.");
    }

    private static string LastChange(SiteProblem problem)
    {
        if (problem.Steps.Count == 0)
        {
            return "<span class=\"muted\">no step</span>";
        }

        var step = problem.Steps[^1];
        return Encode(step.NightAfter.When + " ") + "<code>" + Encode(step.Setting) + "</code> " + Change(step)
            + " <code>" + Encode(step.CommitRange) + "</code>";
    }
}
