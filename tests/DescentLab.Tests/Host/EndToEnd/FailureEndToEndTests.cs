using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>Bad surroundings of a run: corrupt history, unreadable baseline, unwritable output, concurrent writers.</summary>
public sealed class FailureEndToEndTests
{
    private const string Tiny = """
        name: tiny
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants: [batch, sgd]
        stop: { max_epochs: 5 }
        """;

    [Test]
    public void Run_CorruptHistory_ExitsTwoBeforeWritingAnything()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);
        byte[] garbage = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))];
        Directory.CreateDirectory(temp.PathOf("reports"));
        File.WriteAllBytes(temp.PathOf("reports", "history.db"), garbage);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(temp.PathOf("reports", "history.db")));
        Assert.That(Directory.Exists(temp.PathOf("reports", "tiny")), Is.False);
        Assert.That(File.ReadAllBytes(temp.PathOf("reports", "history.db")), Is.EqualTo(garbage));
    }

    [Test]
    public void Run_UnreadableBaseline_WritesTheRunButExitsTwo()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny + "\nregression: { baseline: base.csv, fail: true }\n");
        temp.Write("base.csv", "not,a,summary\n1,2,3\n");

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain("the baseline cannot be read"));
        Assert.That(File.Exists(temp.PathOf("out", "summary.csv")), Is.True);
        Assert.That(File.Exists(temp.PathOf("out", "manifest.json")), Is.True);
    }

    [Test]
    public void Run_UnwritableOutput_ExitsTwoWithTheFolderInTheMessage()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);
        string blocker = temp.Write("blocker", "a file where a folder should be");

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", Path.Combine(blocker, "out"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain($"Cannot write output to '{Path.Combine(blocker, "out")}'"));
    }

    [Test]
    public void Run_TwoProcessesAtOnce_BothRecordedInHistory()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);

        using var first = DescentLabProcess.Start(temp.FullPath, "run", config);
        using var second = DescentLabProcess.Start(temp.FullPath, "run", config);
        var outputs = new[] { first, second }.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Error: p.StandardError.ReadToEndAsync())).ToList();
        Assert.That(first.WaitForExit(TimeSpan.FromMinutes(2)) && second.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);

        Assert.That(first.ExitCode, Is.EqualTo(0), outputs[0].Error.Result);
        Assert.That(second.ExitCode, Is.EqualTo(0), outputs[1].Error.Result);
        Assert.That(outputs[0].Out.Result.Trim(), Is.Not.EqualTo(outputs[1].Out.Result.Trim()));
        using var history = DescentLab.Output.History.HistoryStore.OpenInReportsRoot(temp.PathOf("reports"));
        Assert.That(history.Trend("tiny").Select(p => p.RunSetId).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Serve_RunOnStartThenSigterm_RunsTheFolderAndStopsCleanly()
    {
        using var temp = new TempFolder();
        temp.Write("configs/tiny.yaml", Tiny);

        using var process = DescentLabProcess.Start(
            temp.FullPath, "serve", "--DescentLab:RunOnStart=true", "--DescentLab:Schedule=", "--DescentLab:WatchConfigs=false");
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(temp.PathOf("reports", "tiny", "latest", "manifest.json")) && DateTime.UtcNow < deadline && !process.HasExited)
        {
            Thread.Sleep(50);
        }

        DescentLabProcess.Terminate(process);

        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "serve did not stop after SIGTERM");
        Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
        Assert.That(File.Exists(temp.PathOf("reports", "tiny", "latest", "report.md")), Is.True, stderr.Result);
        Assert.That(stderr.Result, Does.Contain("Queued").And.Contain("(start)"));
    }
}
