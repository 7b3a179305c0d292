using DescentLab.Experiments.Results;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class RunSetReaderTests
{
    [Test]
    public void Read_CompleteFolder_RebuildsTheRunSet()
    {
        using var folder = new TempFolder();
        var report = new RegressionReport("baselines/nightly.csv", [new("a", "status", "converged", "failed", "converged -> failed")], [], [], [], 2);
        AwkwardRuns.WriteFolder(folder.FullPath, regression: report);

        var set = RunSetReader.Read(folder.FullPath);

        Assert.That(Bits.OfEach(set.Rows), Is.EqualTo(Bits.OfEach(AwkwardRuns.Rows())));
        Assert.That(set.Manifest.Name, Is.EqualTo("nightly"));
        Assert.That(AwkwardRuns.Rows().Where(r => set.Curves.Contains(r.RunId)).Select(r => r.RunId), Is.EquivalentTo(AwkwardRuns.Rows().Take(3).Select(r => r.RunId)));
        Assert.That(set.Curves.Count, Is.EqualTo(3));
        Assert.That(set.Curves.TryRead(AwkwardRuns.Origin().RunId, out var origin), Is.True);
        Assert.That(Bits.Of(origin!), Is.EqualTo(Bits.Of(AwkwardRuns.Curve())));
        Assert.That(set.Datasets.Keys, Is.EqualTo(new[] { "beans1-n20-s1", "beans2-n20-s1", "my_beans" }));
        Assert.That(Bits.Of(set.Datasets["beans1-n20-s1"].Samples), Is.EqualTo(Bits.Of(AwkwardRuns.Beans1().Samples)));
        Assert.That(set.Regression!.Regressions, Is.EqualTo(report.Regressions));
        Assert.That(set.Regression.Unchanged, Is.EqualTo(2));
    }

    [Test]
    public void Read_FolderWithoutRegressionFile_HasNoRegression()
    {
        using var folder = new TempFolder();
        AwkwardRuns.WriteFolder(folder.FullPath);

        Assert.That(RunSetReader.Read(folder.FullPath).Regression, Is.Null);
    }

    [TestCase("manifest.json")]
    [TestCase("summary.csv")]
    [TestCase("curves.csv")]
    [TestCase("data/my_beans.csv")]
    public void Read_MissingFile_NamesIt(string relativePath)
    {
        using var folder = new TempFolder();
        AwkwardRuns.WriteFolder(folder.FullPath);
        string path = folder.PathOf(relativePath);
        File.Delete(path);

        var error = Assert.Throws<RunFileException>(() => RunSetReader.Read(folder.FullPath));

        Assert.That(error.Message, Is.EqualTo(Path.GetFullPath(path) + ": file not found"));
    }

    [Test]
    public void Read_MalformedCurve_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        AwkwardRuns.WriteFolder(folder.FullPath);
        string path = folder.PathOf("curves.csv");
        File.WriteAllText(path, ReplaceFirst(File.ReadAllText(path), ",1,20,", ",1,twenty,"));

        var error = Assert.Throws<RunFileException>(() => RunSetReader.Read(folder.FullPath));

        Assert.That(error.Message, Is.EqualTo(path + ":3: column step: expected an integer but found 'twenty'"));
    }

    [Test]
    public void Read_MissingFolder_NamesIt()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("nope");

        var error = Assert.Throws<RunFileException>(() => RunSetReader.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ": run folder not found"));
    }

    [Test]
    public void Read_RunsOutOfSummaryOrder_AreRefusedNamingTheLine()
    {
        using var folder = new TempFolder();
        AwkwardRuns.WriteFolder(folder.FullPath);
        string path = folder.PathOf("curves.csv");
        var lines = File.ReadAllLines(path).ToList();
        var second = lines.Where(l => l.StartsWith(AwkwardRuns.Rows()[1].RunId + ",", StringComparison.Ordinal)).ToList();
        lines.RemoveAll(second.Contains);
        lines.InsertRange(1, second);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var error = Assert.Throws<RunFileException>(() => RunSetReader.Read(folder.FullPath));

        var rows = AwkwardRuns.Rows();
        Assert.That(error.Message, Is.EqualTo($"{path}:2: run '{rows[0].RunId}' ({rows[0].Status.ToKey()}) has no rows before those of run '{rows[1].RunId}' (curves.csv holds the runs in the order of summary.csv)"));
    }

    [Test]
    public void Read_FolderWrittenBeforeCurvesCsv_ReadsItsPerRunFiles()
    {
        // Older folders hold curves/<run_id>.csv: the same rows without run_id and without the cells the run leaves empty.
        using var folder = new TempFolder();
        AwkwardRuns.WriteFolder(folder.FullPath);
        foreach (string runId in RunFolders.CurveRows(folder.FullPath).Keys)
        {
            folder.Write(Path.Combine("curves", runId + ".csv"), File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", "curve.csv")));
        }

        File.Delete(folder.PathOf("curves.csv"));

        var set = RunSetReader.Read(folder.FullPath);

        Assert.That(set.Curves, Is.InstanceOf<PerRunCurves>());
        Assert.That(set.Curves.Count, Is.EqualTo(3));
        Assert.That(set.Curves.TryRead(AwkwardRuns.Origin().RunId, out var origin), Is.True);
        Assert.That(Bits.Of(origin!), Is.EqualTo(Bits.Of(AwkwardRuns.Curve())));
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
