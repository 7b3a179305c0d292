using DescentLab.Output;
using DescentLab.Output.Baselines;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Baselines;

public sealed class BaselineStoreTests
{
    [Test]
    public void Accept_CompleteRun_CopiesItsSummaryIntoNewFolders()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("run"));
        string baseline = folder.PathOf("baselines", "deep", "nightly.csv");

        BaselineStore.Accept(runDir, baseline);

        Assert.That(File.ReadAllBytes(baseline), Is.EqualTo(File.ReadAllBytes(Path.Combine(runDir, "summary.csv"))));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(baseline)!).Order(), Is.EqualTo(new[] { baseline, baseline + ".meta.json" }), "no temporary file is left behind");
    }

    [Test]
    public void Accept_ExistingBaseline_IsReplaced()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("run"));
        string baseline = folder.Write("nightly.csv", "old");

        BaselineStore.Accept(runDir, baseline);

        Assert.That(Bits.OfEach(BaselineStore.Load(baseline)), Is.EqualTo(Bits.OfEach(AwkwardRuns.Rows())));
    }

    [Test]
    public void Accept_IncompleteRun_IsRefusedAndTheOldBaselineKept()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("run"), complete: false);
        string baseline = folder.Write("nightly.csv", "old");

        var error = Assert.Throws<RunFileException>(() => BaselineStore.Accept(runDir, baseline));

        Assert.That(error.Message, Does.StartWith(Path.Combine(runDir, "manifest.json") + ": the run set is incomplete"));
        Assert.That(File.ReadAllText(baseline), Is.EqualTo("old"));
    }

    [Test]
    public void Accept_RunWithoutSummary_IsRefused()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("run"));
        File.Delete(Path.Combine(runDir, "summary.csv"));

        var error = Assert.Throws<RunFileException>(() => BaselineStore.Accept(runDir, folder.PathOf("nightly.csv")));

        Assert.That(error.Path, Is.EqualTo(Path.Combine(runDir, "summary.csv")));
        Assert.That(File.Exists(folder.PathOf("nightly.csv")), Is.False);
    }

    [Test]
    public void Accept_MalformedSummary_IsRefusedWithItsLine()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("run"));
        string summary = Path.Combine(runDir, "summary.csv");
        File.WriteAllText(summary, File.ReadAllText(summary).Replace(",converged,", ",great,", StringComparison.Ordinal));

        var error = Assert.Throws<RunFileException>(() => BaselineStore.Accept(runDir, folder.PathOf("nightly.csv")));

        Assert.That(error.Message, Does.StartWith(summary + ":2: column status"));
    }

    [Test]
    public void Load_MissingBaseline_SaysHowToCreateIt()
    {
        using var folder = new TempFolder();
        string baseline = folder.PathOf("baselines", "nightly.csv");

        var error = Assert.Throws<RunFileException>(() => BaselineStore.Load(baseline));

        Assert.That(error.Message, Is.EqualTo(baseline + ": baseline not found (create it with: descentlab baseline accept RUNDIR)"));
    }

    [Test]
    public void Accept_ThroughLatest_StoresTheRealFolderRelativeToTheDescription_AndItSurvivesAMove()
    {
        using var folder = new TempFolder();
        string runDir = AwkwardRuns.WriteFolder(folder.PathOf("reports", "nightly", "20261201-020000"));
        File.CreateSymbolicLink(folder.PathOf("reports", "nightly", "latest"), "20261201-020000");
        string baseline = folder.PathOf("baselines", "nightly.csv");

        BaselineStore.Accept(folder.PathOf("reports", "nightly", "latest"), baseline);
        var meta = BaselineMeta.Read(BaselineMeta.PathOf(baseline));
        Directory.Move(folder.FullPath, folder.FullPath + "-moved");
        Directory.CreateDirectory(folder.FullPath);
        string moved = folder.FullPath + "-moved";

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(meta.RunDir, Is.EqualTo("../reports/nightly/20261201-020000"));
                Assert.That(meta.RunFolderOf(BaselineMeta.PathOf(baseline)), Is.EqualTo(runDir));
                Assert.That(meta.RunFolderOf(Path.Combine(moved, "baselines", "nightly.csv.meta.json")), Is.EqualTo(Path.Combine(moved, "reports", "nightly", "20261201-020000")));
            });
        }
        finally
        {
            Directory.Delete(moved, recursive: true);
        }
    }

    [Test]
    public void RunFolderOf_AnOldAbsolutePath_IsReadAsItIs()
    {
        var meta = new BaselineMeta("nightly", new string('0', 64), "/srv/descentlab/reports/nightly/20261201-020000", new string('1', 64));

        Assert.That(meta.RunFolderOf("/elsewhere/baselines/nightly.csv.meta.json"), Is.EqualTo("/srv/descentlab/reports/nightly/20261201-020000"));
    }
}
