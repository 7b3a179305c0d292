using System.Text.RegularExpressions;
using DescentLab.Experiments.Analysis;
using DescentLab.Output.History;
using DescentLab.Output.Site;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Site;

public sealed partial class SitePublisherTests
{
    [Test]
    public void Publish_PlantedThreefoldStep_IsTheOneRegressionWithItsCommitRange()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);

        var published = SitePublisher.Publish(folder.FullPath, folder.PathOf("site"));

        string page = File.ReadAllText(folder.PathOf("site", "regressions.html"));
        var rows = RegressionRows().Matches(page).Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(published.Regressions, Is.EqualTo(1));
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0], Does.Contain("<code>sgd lr=0.1</code>"));
            Assert.That(rows[0], Does.Contain($"<code>c00000{SiteHistory.StepNight - 1}..c00000{SiteHistory.StepNight}</code>"), "from the last night before the step to the first after it");
            Assert.That(rows[0], Does.Contain("0.001 → 0.003 (×3 worse)"));
            Assert.That(rows[0], Does.Contain($"href=\"nights/{SiteHistory.StepNight - 1}-20250305-020000/report.html\""), "the night before");
            Assert.That(rows[0], Does.Contain($"href=\"nights/{SiteHistory.StepNight}-20250306-020000/report.html\""), "the night after");
        });
    }

    [Test]
    public void Content_ShowsEverySettingAndTheLatestWinnerByTheLeaderRule()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        using var store = HistoryStore.OpenInReportsRoot(folder.FullPath);

        var content = SiteContent.From(HistoryNights.Read(store), c => store.Trend(c, int.MaxValue), c => store.LatestComplete(c, null)!.Rows);

        var nightly = content.Problems.Single(p => p.Config == "nightly");
        Assert.Multiple(() =>
        {
            Assert.That(content.Nights, Has.Count.EqualTo(SiteHistory.NightlyNights + SiteHistory.WeeklyNights));
            Assert.That(nightly.Metric, Is.EqualTo(TrendMetric.FinalGap));
            Assert.That(nightly.Series.Select(s => (s.Setting, s.Leader)), Is.EqualTo(new[] { ("adam lr=0.05 batch=1", true), ("sgd lr=0.1", false), ("momentum lr=0.1 batch=1", false) }), "adam (gap 1e-6) leads; momentum neither leads nor steps and is shown too");
            Assert.That(nightly.Winner, Is.EqualTo("adam lr=0.05 batch=1"));
            Assert.That(nightly.Status, Is.EqualTo("converged 0/2"));
            Assert.That(nightly.Steps.Single().Factor, Is.EqualTo(3).Within(1e-12));
            Assert.That(nightly.Steps.Single().NightAfter.Commit, Is.EqualTo(SiteHistory.Commit(SiteHistory.StepNight)));
        });
    }

    [Test]
    public void Publish_Again_RewritesOnlyThePagesWhoseDataChanged()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        string site = folder.PathOf("site");
        var first = SitePublisher.Publish(folder.FullPath, site);
        var unchanged = SitePublisher.Publish(folder.FullPath, site);

        SiteHistory.AddNight(folder.FullPath, "weekly", SiteHistory.WeeklyNights + 1, 2e-4);
        var added = SitePublisher.Publish(folder.FullPath, site);

        string weekly = Path.GetFileNameWithoutExtension(first.Written.Single(f => f.StartsWith("problems/weekly--", StringComparison.Ordinal) && f.EndsWith(".html", StringComparison.Ordinal)));
        long newNight = SiteHistory.NightlyNights + SiteHistory.WeeklyNights + 1;
        Assert.Multiple(() =>
        {
            Assert.That(first.Written, Has.Count.EqualTo(5 + 11 + 2 + 4), "assets, night reports, index and regressions, two pages with their images");
            Assert.That(unchanged.Written, Is.Empty);
            Assert.That(unchanged.Removed, Is.Empty);
            Assert.That(added.Written, Is.EquivalentTo(new[]
            {
                "index.html", $"problems/{weekly}.html", $"problems/{weekly}.png", $"nights/{newNight}-20250305-030000/report.html",
            }), "the nightly page and regressions.html did not change");
        });
    }

    [Test]
    public void Publish_NightLeavesTheHistory_ItsReportCopyGoes()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        string site = folder.PathOf("site");
        SitePublisher.Publish(folder.FullPath, site);
        File.WriteAllText(folder.PathOf("site", "nights", "kept-by-hand.txt"), "not ours");
        File.WriteAllText(folder.PathOf("site", "notes.txt"), "outside nights/ and problems/");

        var again = SitePublisher.Publish(folder.FullPath, site);

        Assert.That(again.Removed, Is.EqualTo(new[] { "nights/kept-by-hand.txt" }), "only files under nights/ and problems/ that the history does not explain");
        Assert.That(File.Exists(folder.PathOf("site", "notes.txt")), Is.True);
    }

    [Test]
    public void Publish_WithoutHistory_SaysWhereItLookedAndWritesNothing()
    {
        using var folder = new TempFolder();

        var ex = Assert.Throws<HistoryException>(() => SitePublisher.Publish(folder.FullPath, folder.PathOf("site")));

        Assert.That(ex!.Message, Is.EqualTo(folder.PathOf("history.db") + ": no history database here yet: run a config first, or point DescentLab:ReportsDir at the reports folder"));
        Assert.That(Directory.Exists(folder.PathOf("site")), Is.False);
        Assert.That(File.Exists(folder.PathOf("history.db")), Is.False, "publishing never creates a history");
    }

    [GeneratedRegex("<tr><td>.*?</tr>")]
    private static partial Regex RegressionRows();
}
