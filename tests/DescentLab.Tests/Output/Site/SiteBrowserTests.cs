using System.Text.RegularExpressions;
using DescentLab.Output.Site;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Site;

/// <summary>The published site opened from file:// in one headless Chromium: every page renders without a console error
/// or a network request, every chart draws, every link resolves, and the index filter and the legend work.</summary>
public sealed partial class SiteBrowserTests
{
    [Test]
    public void Site_FromFile_RendersEveryPageOfflineWithChartsAndLinksThatResolve()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        string site = folder.PathOf("site");
        var published = SitePublisher.Publish(folder.FullPath, site);
        string[] pages = [.. Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Where(p => !p.Contains("/nights/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

        using var browser = new ChromiumSession(folder.PathOf("profile"));
        var failures = new List<string>();
        foreach (string page in pages)
        {
            var visit = browser.Visit(new Uri(page).AbsoluteUri);
            failures.AddRange(visit.Errors.Select(e => $"{page}: {e}"));
            failures.AddRange(visit.Requests.Where(r => !r.StartsWith("file://", StringComparison.Ordinal)).Select(r => $"{page}: network request {r}"));
            var links = browser.Evaluate("[...document.querySelectorAll('a[href], link[href], script[src]')].map(e => e.href || e.src)")!.AsArray()
                .Select(l => l!.GetValue<string>())
                .Concat(NoscriptImages().Matches(File.ReadAllText(page)).Select(m => new Uri(new Uri(page), m.Groups[1].Value).AbsoluteUri));
            failures.AddRange(links.Where(l => !Resolves(l)).Select(l => $"{page}: broken link {l}"));
            if (page.Contains("/problems/", StringComparison.Ordinal))
            {
                var painted = browser.Evaluate(
                    "[...document.querySelectorAll('#chart canvas')].map(c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
                    + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; })")!.AsArray().Select(n => n!.GetValue<int>()).ToList();
                if (painted.Count == 0 || painted.Any(n => n == 0))
                {
                    failures.Add($"{page}: the chart did not draw (painted pixels per canvas: {string.Join(", ", painted)})");
                }
            }
        }

        var index = browser.Visit(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
        int weeklyRows = browser.Evaluate(
            "const s = document.querySelector('select[name=config]'); s.value = 'weekly'; s.dispatchEvent(new Event('change')); "
            + "[...document.querySelectorAll('#problems tbody tr')].filter(r => !r.hidden).length")!.GetValue<int>();
        string problem = Path.Combine(site, published.Written.First(w => w.StartsWith("problems/nightly--", StringComparison.Ordinal) && w.EndsWith(".html", StringComparison.Ordinal)));
        browser.Visit(new Uri(problem).AbsoluteUri);
        bool hidden = browser.Evaluate(
            "const entry = document.querySelectorAll('.u-legend .u-series')[1]; entry.querySelector('.u-label').dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 })); "
            + "entry.classList.contains('u-off')")!.GetValue<bool>();

        Assert.Multiple(() =>
        {
            Assert.That(pages, Has.Length.EqualTo(4), "index, regressions and two problem pages");
            Assert.That(failures, Is.Empty);
            Assert.That(index.Errors, Is.Empty);
            Assert.That(weeklyRows, Is.EqualTo(1), "the config filter leaves weekly's one problem");
            Assert.That(hidden, Is.True, "a click on a legend entry hides its series");
        });
    }

    private static bool Resolves(string url)
    {
        var uri = new Uri(url);
        return uri.IsFile && File.Exists(uri.LocalPath);
    }

    [GeneratedRegex("<noscript><img src=\"([^\"]+)\"")]
    private static partial Regex NoscriptImages();
}
