using System.Diagnostics;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Runs the real <c>descentlab</c> executable (copied next to the tests) in a working folder.</summary>
public static class DescentLabProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>What a finished process printed and returned.</summary>
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Starts <c>dotnet descentlab.dll ARGS</c> in <paramref name="workingDirectory"/> without waiting.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="environment"/> set on top of this process's.</summary>
    /// <remarks>GITHUB_STEP_SUMMARY is cleared unless given, so tests run under GitHub Actions never write the job's summary.</remarks>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "descentlab.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Sends SIGTERM, as a service manager or Kubernetes would (through sh: its kill is a builtin, /bin/kill may be absent).</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("sh", ["-c", $"kill -TERM {process.Id}"]) ?? throw new InvalidOperationException("sh did not start");
        kill.WaitForExit();
    }

    /// <summary>Runs to the end and returns exit code and output.</summary>
    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs to the end with <paramref name="environment"/> set, and returns exit code and output.</summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"descentlab {string.Join(' ', args)} did not finish within {Patience}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
