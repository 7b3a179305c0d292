using System.Net;
using System.Text;
using System.Text.Json;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Text;

namespace DescentLab.Output.Site;

/// <summary>The pieces every page of the site shares: the page frame with its local assets, escaping, links and words.</summary>
internal static class SiteHtml
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>A whole page. <paramref name="root"/> leads from the page to the site root (<c>""</c> or <c>"../"</c>).</summary>
    /// <param name="title">The title.</param>
    /// <param name="root">Relative path from the page's folder to the site root.</param>
    /// <param name="body">The body's HTML.</param>
    /// <param name="data">Data for site.js, embedded as JSON (no fetch, so the page works from file://), or null.</param>
    /// <param name="chart">The page draws charts: load the chart library.</param>
    public static string Page(string title, string root, string body, object? data, bool chart)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n");
        if (chart)
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("assets/uPlot.min.css\">\n");
        }

        html.Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("assets/site.css\">\n</head>\n<body>\n");
        html.Append("<nav class=\"top\"><a href=\"").Append(root).Append("index.html\">DescentLab history</a> · <a href=\"")
            .Append(root).Append("regressions.html\">Regressions</a></nav>\n<main>\n");
        html.Append(body);
        html.Append("</main>\n");
        if (data is not null)
        {
            // The default encoder escapes <, > and &, so the JSON cannot close the script element.
            html.Append("<script type=\"application/json\" id=\"site-data\">").Append(JsonSerializer.Serialize(data, Json)).Append("</script>\n");
        }

        if (chart)
        {
            html.Append("<script src=\"").Append(root).Append("assets/uPlot.iife.min.js\"></script>\n");
        }

        html.Append("<script src=\"").Append(root).Append("assets/site.js\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escaped text.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A link with escaped text.</summary>
    public static string Link(string href, string text) => $"<a href=\"{Encode(href)}\">{Encode(text)}</a>";

    /// <summary>The link to a night's report, or why there is none.</summary>
    public static string ReportLink(SiteNight night, string root, ISet<long> withReport, string text) =>
        withReport.Contains(night.Id) ? Link(root + night.ReportPath, text) : "<span class=\"muted\">report removed</span>";

    /// <summary>What a problem's trend follows, in words.</summary>
    public static string Metric(TrendMetric metric) => metric switch
    {
        TrendMetric.EpochsToTarget => "median epochs to target",
        TrendMetric.Accuracy => "median accuracy",
        _ => "median final gap",
    };

    /// <summary>A number for people.</summary>
    public static string Number(double value) => HumanNumber.Format(value);

    /// <summary>A step in words: <c>1e-3 → 3e-3 (×3 worse)</c>.</summary>
    public static string Change(SiteStep step) =>
        Encode($"{Number(step.Before)} → {Number(step.After)} (×{HumanNumber.Format(step.Factor, 2)} {(step.Worse ? "worse" : "better")})");

    /// <summary>A table: header cells and rows of already escaped cells.</summary>
    public static string Table(string id, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder();
        html.Append("<table id=\"").Append(id).Append("\">\n<thead><tr>");
        foreach (string header in headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }
}
