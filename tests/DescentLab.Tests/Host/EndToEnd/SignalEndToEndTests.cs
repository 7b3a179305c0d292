using System.Diagnostics;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>SIGTERM during a run: in-flight runs stop, the set is marked incomplete, latest stays put.</summary>
public sealed class SignalEndToEndTests
{
    private const string Long = """
        name: long
        seeds: [1, 2]
        datasets:
          - recipe: beans3
            n: 200000
        models: [logistic]
        variants:
          - batch: { lr: 0.5 }
          - adam: { lr: 0.01 }
        stop: { max_epochs: EPOCHS }
        """;

    [Test]
    public void Run_Sigterm_MarksTheSetIncompleteAndLeavesLatestAlone()
    {
        using var temp = new TempFolder();
        string quick = temp.Write("quick/long.yaml", Long.Replace("EPOCHS", "1", StringComparison.Ordinal).Replace("200000", "50", StringComparison.Ordinal));
        string slow = temp.Write("slow/long.yaml", Long.Replace("EPOCHS", "10000", StringComparison.Ordinal));
        var first = DescentLabProcess.Run(temp.FullPath, "run", quick);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        string latestBefore = new FileInfo(temp.PathOf("reports/long/latest")).LinkTarget!;

        using var process = DescentLabProcess.Start(temp.FullPath, "run", slow);
        var planned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("long: planned", StringComparison.Ordinal) == true)
            {
                planned.TrySetResult(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string stdout = string.Empty;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        Task.WaitAny([planned.Task, process.WaitForExitAsync()], TimeSpan.FromMinutes(1));
        Assert.That(planned.Task.IsCompleted, Is.True, $"the run never started: {stderr}");
        DescentLabProcess.Terminate(process);

        bool exited = process.WaitForExit(TimeSpan.FromSeconds(30));
        stdout = stdoutTask.Result;

        Assert.That(exited, Is.True, "descentlab did not stop after SIGTERM");
        Assert.That(process.ExitCode, Is.EqualTo(1), stderr.ToString());
        string folder = Directory.GetDirectories(temp.PathOf("reports/long")).Single(d => Path.GetFileName(d) != latestBefore && Path.GetFileName(d) != "latest");
        Assert.That(File.Exists(Path.Combine(folder, "INCOMPLETE")), Is.True);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { ".owner", ".resume.json", "INCOMPLETE", "curves.csv" }));
        Assert.That(new FileInfo(temp.PathOf("reports/long/latest")).LinkTarget, Is.EqualTo(latestBefore));
        Assert.That(stderr.ToString(), Does.Contain("marked incomplete"));
    }
}
