using DescentLab.Output.Files;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Files;

public sealed class RunFolderTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 28, 15, 4, 5, TimeSpan.Zero);

    [Test]
    public void CreateUnderReports_TwoRunsInTheSameSecond_NeverShareAFolder()
    {
        using var temp = new TempFolder();

        var first = RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started);
        var second = RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started);

        Assert.That(first.FullPath, Is.EqualTo(temp.PathOf("nightly/20261128-150405")));
        Assert.That(second.FullPath, Is.EqualTo(temp.PathOf("nightly/20261128-150405-2")));
    }

    [Test]
    public void CreateUnderReports_ConcurrentClaims_AreAllDistinct()
    {
        using var temp = new TempFolder();

        var paths = new string[16];
        Parallel.For(0, paths.Length, i => paths[i] = RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started).FullPath);

        Assert.That(paths, Is.Unique);
    }

    [TestCase("..")]
    [TestCase("../escape")]
    [TestCase("")]
    public void CreateUnderReports_NameLeavingTheReportsFolder_IsRefused(string name)
    {
        using var temp = new TempFolder();

        Assert.That(
            () => RunFolder.CreateUnderReports(temp.PathOf("reports"), name, Started),
            Throws.TypeOf<OutputFolderException>().With.Message.Contains("would leave the reports folder"));
    }

    [Test]
    public void CreateExplicit_FolderHoldingARun_IsRefused()
    {
        using var temp = new TempFolder();
        RunFolder.CreateExplicit(temp.PathOf("out"));

        Assert.That(
            () => RunFolder.CreateExplicit(temp.PathOf("out")),
            Throws.TypeOf<OutputFolderException>().With.Message.EqualTo($"Cannot write output to '{temp.PathOf("out")}': it already holds a run; choose an empty or new folder"));
    }

    [Test]
    public void CreateExplicit_UnwritableLocation_IsAClearError()
    {
        using var temp = new TempFolder();
        string file = temp.Write("a-file", "x");

        Assert.That(
            () => RunFolder.CreateExplicit(Path.Combine(file, "out")),
            Throws.TypeOf<OutputFolderException>().With.Message.StartsWith($"Cannot write output to '{Path.Combine(file, "out")}': "));
    }

    [Test]
    public void PathOf_RelativePathLeavingTheFolder_IsRefused()
    {
        using var temp = new TempFolder();
        var folder = RunFolder.CreateExplicit(temp.PathOf("out"));

        Assert.That(() => folder.PathOf("../x.csv"), Throws.TypeOf<OutputFolderException>());
        Assert.That(folder.PathOf("curves/a.csv"), Is.EqualTo(temp.PathOf("out/curves/a.csv")));
    }

    [Test]
    public void PromoteToLatest_PointsTheLinkAtTheNewestCompleteFolder()
    {
        using var temp = new TempFolder();
        var first = RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started);
        var second = RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started.AddSeconds(1));

        first.PromoteToLatest();
        second.PromoteToLatest();

        var link = new FileInfo(temp.PathOf("nightly/latest"));
        Assert.That(link.LinkTarget, Is.EqualTo("20261128-150406"));
        Assert.That(Directory.Exists(temp.PathOf("nightly/latest")), Is.True);
        Assert.That(Directory.GetFiles(temp.PathOf("nightly"), "*.tmp"), Is.Empty);
    }

    [Test]
    public void CreateUnderReports_LatestLeftBehindByAKill_IsCaughtUpByTheNextRun()
    {
        // Two complete sets; latest still shows the first (killed before it moved), the next run is killed at once.
        using var temp = new TempFolder();
        var first = Complete(RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started));
        var second = Complete(RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started.AddSeconds(1)));
        RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started.AddSeconds(2));
        first.PromoteToLatest();

        RunFolder.CreateUnderReports(temp.FullPath, "nightly", Started.AddSeconds(3));

        Assert.That(new FileInfo(temp.PathOf("nightly", "latest")).LinkTarget, Is.EqualTo(Path.GetFileName(second.FullPath)), "the newest complete set, not an incomplete one");
    }

    [Test]
    public void TryRemoveBareClaim_ClaimOfAGoneProcess_IsRemovedButAFolderWithRecordsIsNot()
    {
        using var temp = new TempFolder();
        var bare = RunFolder.CreateExplicit(temp.PathOf("bare"));
        var recorded = RunFolder.CreateExplicit(temp.PathOf("recorded"));
        recorded.WriteText(".resume.json", w => w.Write("{}"));

        Assert.That(RunFolder.TryRemoveBareClaim(bare.FullPath), Is.True);
        Assert.That(RunFolder.TryRemoveBareClaim(recorded.FullPath), Is.False);
        Assert.That(Directory.Exists(bare.FullPath), Is.False);
        Assert.That(Directory.Exists(recorded.FullPath), Is.True);
    }

    private static RunFolder Complete(RunFolder folder)
    {
        folder.WriteText("manifest.json", w => w.Write("{}"));
        folder.MarkComplete();
        return folder;
    }

    [Test]
    public void WriteText_FailingWriter_LeavesNoFileAndNoTemp()
    {
        using var temp = new TempFolder();
        var folder = RunFolder.CreateExplicit(temp.PathOf("out"));

        Assert.That(() => folder.WriteText("summary.csv", w =>
        {
            w.Write("half");
            throw new IOException("disk full");
        }), Throws.TypeOf<IOException>());

        Assert.That(Directory.GetFiles(folder.FullPath).Select(Path.GetFileName), Is.EquivalentTo(new[] { ".owner", "INCOMPLETE" }));
    }

    [Test]
    public void MarkIncomplete_WritesTheMarker()
    {
        using var temp = new TempFolder();
        var folder = RunFolder.CreateExplicit(temp.PathOf("out"));

        folder.MarkIncomplete("cancelled");

        Assert.That(folder.IsIncomplete, Is.True);
        Assert.That(File.ReadAllText(folder.PathOf(RunFolder.IncompleteMarker)), Is.EqualTo("cancelled\n"));
    }
}
