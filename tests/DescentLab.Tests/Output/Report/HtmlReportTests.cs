using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

public sealed partial class HtmlReportTests
{
    /// <summary>Appended to a copy of report.html: after load it writes what the page shows into the DOM. The sentinel
    /// image points nowhere, proving the check can see a broken image.</summary>
    private const string Probe = """
        <img id="probe-sentinel" src="plots/does-not-exist.png" alt="">
        <script>
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.images);
          var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); }).map(function (i) { return i.getAttribute('src'); });
          var out = document.createElement('pre');
          out.id = 'probe-result';
          out.textContent = JSON.stringify({ images: images.length, broken: broken, tables: document.querySelectorAll('main table').length, headings: document.querySelectorAll('main h3').length });
          document.body.appendChild(out);
        });
        </script>
        """;

    [Test]
    public void ToHtml_StandalonePage_TitleTablesRelativeImages()
    {
        string markdown = MarkdownReport.ToMarkdown(TestRunSets.Small, [new("plots/profile.png", "Performance profile", "alt text", null)]);

        string html = HtmlReport.ToHtml(markdown);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<title>DescentLab report: small</title>"));
            Assert.That(html, Does.Contain("<meta charset=\"utf-8\">"));
            Assert.That(TableRegex().Matches(html), Has.Count.EqualTo(14), "the headline, summary, leaderboards and regression tables, those wider than 160 characters split in two");
            Assert.That(html, Does.Contain("<img src=\"plots/profile.png\" alt=\"alt text\""));
            Assert.That(html, Does.Contain("<style>"));
            Assert.That(html, Does.Not.Contain("<script"));
        });
    }

    [Test]
    public void ToHtml_TextThatLooksLikeAnImagePlaceholder_StaysAsWritten_AndTheImageIsEmbedded()
    {
        const string Markdown = "# R\n\nSee descentlab-embedded-image-7.embedded and descentlab-embedded-image-x.\n\n![a](plots/a.png)\n";

        string html = HtmlReport.ToHtml(Markdown, link => link == "plots/a.png" ? [1, 2, 3] : null);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("See descentlab-embedded-image-7.embedded and descentlab-embedded-image-x."));
            Assert.That(html, Does.Contain("src=\"data:image/png;base64,AQID\""));
        });
    }

    [Test]
    public void Render_ReportHtml_StandsAlone_ImagesEmbedded_TablesInScrollBoxes_Contents()
    {
        using var folder = new TempFolder();
        var files = ReportRenderer.Render(TestRunSets.Small, folder.FullPath, 2);
        string html = File.ReadAllText(Path.Combine(folder.FullPath, ReportRenderer.HtmlFile));
        var png = File.ReadAllBytes(Path.Combine(folder.FullPath, files.Plots[0].RelativePath));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("src=\"plots/"));
            Assert.That(DataUriRegex().Matches(html), Has.Count.EqualTo(files.Plots.Count));
            Assert.That(html, Does.Contain("data:image/png;base64," + Convert.ToBase64String(png) + "\""));
            Assert.That(Regex.Matches(html, "<div class=\"scroll\"><table>"), Has.Count.EqualTo(TableRegex().Matches(html).Count));
            Assert.That(html, Does.Contain("<nav class=\"toc\">"));
            Assert.That(html, Does.Contain("<li><a href=\"#at-a-glance\">At a glance</a>"));
            Assert.That(html, Does.Contain("<h2 id=\"at-a-glance\">"));
        });
    }

    [Test]
    [Category("Browser")]
    public void ReportHtml_InHeadlessChromium_EveryImageLoads_TablesPresent()
    {
        using var folder = new TempFolder();
        using var profile = new TempFolder();
        var files = ReportRenderer.Render(TestRunSets.Small, folder.FullPath, 2);
        string page = File.ReadAllText(Path.Combine(folder.FullPath, ReportRenderer.HtmlFile));
        string probe = Path.Combine(folder.FullPath, "probe.html");
        File.WriteAllText(probe, page.Replace("</body>", Probe + "\n</body>", StringComparison.Ordinal));

        string dom = HeadlessChromium.DumpDom(probe, profile.FullPath);

        var match = ResultRegex().Match(dom);
        Assert.That(match.Success, Is.True, "the probe script did not run; DOM was:\n" + dom[..Math.Min(dom.Length, 2000)]);
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = result.RootElement;
        var broken = root.GetProperty("broken").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("images").GetInt32(), Is.EqualTo(files.Plots.Count + 1));
            Assert.That(broken, Is.EqualTo(new[] { "plots/does-not-exist.png" }), "only the sentinel may be broken");
            Assert.That(root.GetProperty("tables").GetInt32(), Is.EqualTo(14));
            Assert.That(root.GetProperty("headings").GetInt32(), Is.GreaterThanOrEqualTo(4));
        });
    }

    /// <summary>Measures the headline: the bottom of the last table under "At a glance" and any table box that scrolls sideways.</summary>
    private const string FirstScreenProbe = """
        <script>
        window.addEventListener('load', function () {
          var glance = document.getElementById('at-a-glance');
          var bottom = 0, clipped = 0, tables = 0;
          for (var e = glance.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) {
            if (e.classList.contains('scroll')) {
              tables++;
              bottom = Math.max(bottom, e.getBoundingClientRect().bottom);
              if (e.scrollWidth > e.clientWidth + 1) { clipped++; }
            }
          }
          var out = document.createElement('pre');
          out.id = 'probe-result';
          out.textContent = JSON.stringify({ tables: tables, bottom: bottom, clipped: clipped, height: window.innerHeight, toc: document.querySelector('nav.toc details').open });
          document.body.appendChild(out);
        });
        </script>
        """;

    [Test]
    [Category("Browser")]
    public void NightlyReportHtml_At1280x800_HeadlineTablesWholeInTheFirstScreen()
    {
        using var folder = new TempFolder();
        using var profile = new TempFolder();
        string page = HtmlReport.ToHtml(MarkdownReport.ToMarkdown(TestRunSets.Nightly, []));
        string probe = Path.Combine(folder.FullPath, "probe.html");
        File.WriteAllText(probe, page.Replace("</body>", FirstScreenProbe + "\n</body>", StringComparison.Ordinal));

        string dom = HeadlessChromium.DumpDom(probe, profile.FullPath, "1280,800");

        var match = ResultRegex().Match(dom);
        Assert.That(match.Success, Is.True, "the probe script did not run");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = result.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("tables").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(root.GetProperty("toc").GetBoolean(), Is.False, "the table of contents starts folded");
            Assert.That(root.GetProperty("bottom").GetDouble(), Is.LessThanOrEqualTo(root.GetProperty("height").GetDouble()), "the headline ends above the fold");
            Assert.That(root.GetProperty("clipped").GetInt32(), Is.Zero, "no headline column is cut off");
        });
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"")]
    private static partial Regex DataUriRegex();

    [GeneratedRegex("<table>")]
    private static partial Regex TableRegex();

    [GeneratedRegex("<pre id=\"probe-result\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultRegex();
}
