using System.Text;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary><c>serve</c> fed a broken config and then a good one: the broken one is an Error in the structured log with
/// its path and errors, the good one runs, and the worker is still up until it is told to stop.</summary>
public sealed class ServeKeepsServingTests
{
    [Test]
    public void Serve_BrokenConfigThenGoodOne_LogsTheErrorAndRunsTheGoodOne()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("cfg"));
        File.WriteAllBytes(temp.PathOf("cfg", "bad.json"), Encoding.Latin1.GetBytes("{\"name\": \"q\xff\", \"seeds\": [1]}"));
        temp.Write("cfg/zz.yaml", """
            name: zz
            seeds: [1]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants: [batch]
            stop: { max_epochs: 5 }
            """);

        using var process = DescentLabProcess.Start(
            temp.FullPath,
            "serve",
            "--DescentLab:ConfigDir=cfg",
            "--DescentLab:Schedule=",
            "--DescentLab:RunOnStart=true",
            "--DescentLab:WatchConfigs=false");
        var stderr = new StringBuilder();
        var goodRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("zz.yaml with exit code 0", StringComparison.Ordinal) == true)
            {
                goodRan.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        Task.WaitAny([goodRan.Task, process.WaitForExitAsync()], TimeSpan.FromMinutes(1));

        Assert.That(goodRan.Task.IsCompleted, Is.True, $"the good config never finished: {stderr}");
        Assert.That(process.HasExited, Is.False, "the worker stopped after a broken config");
        DescentLabProcess.Terminate(process);
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True);
        _ = stdout.Result;

        Assert.That(process.ExitCode, Is.EqualTo(0), stderr.ToString());
        Assert.That(File.Exists(temp.PathOf("reports", "zz", "latest", "manifest.json")), Is.True);
        string log = string.Concat(Directory.GetFiles(temp.PathOf("reports", "logs")).Select(File.ReadAllText));
        string badError = log.Split('\n').Single(line => line.Contains("bad.json:1:12: the file is not valid UTF-8 text (byte 0xFF)", StringComparison.Ordinal));
        Assert.That(badError, Does.Contain("\"@l\":\"Error\""));
        string failed = log.Split('\n').Single(line => line.Contains("failed with exit code {ExitCode}; it runs again on its next trigger", StringComparison.Ordinal));
        Assert.That(failed, Does.Contain("bad.json\",\"ExitCode\":2"));
        Assert.That(failed, Does.Contain("\"@l\":\"Error\""));
    }
}
