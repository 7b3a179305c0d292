using System.Diagnostics;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Runs <c>descentlab</c> commands in a working folder: the real executable (copied next to the tests) in a
/// process of its own, or the same command line in this process.</summary>
public static class DescentLabProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>What a finished process printed and returned.</summary>
    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>Starts <c>dotnet descentlab.dll ARGS</c> in <paramref name="workingDirectory"/> without waiting.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="environment"/> set on top of this process's.</summary>
    /// <remarks>GITHUB_STEP_SUMMARY is cleared unless given, so tests run under GitHub Actions never write the job's summary.</remarks>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "descentlab.dll"), .. args], workingDirectory, environment);

    /// <summary>Starts any program the way <see cref="Start(string, string[])"/> starts descentlab: output redirected,
    /// GITHUB_STEP_SUMMARY cleared, <paramref name="environment"/> on top.</summary>
    public static Process StartProgram(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in ProgramEnvironment(environment))
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
    }

    /// <summary>The environment <see cref="StartProgram"/> gives a program: this process's, DOTNET_NOLOGO set,
    /// GITHUB_STEP_SUMMARY cleared, then <paramref name="environment"/> on top (a null value removes the variable).</summary>
    public static Dictionary<string, string> ProgramEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var result = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        result["DOTNET_NOLOGO"] = "1";
        result.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>Runs any program to the end (at most <paramref name="patience"/>) and returns exit code and output.</summary>
    public static Result RunProgram(string file, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan patience)
    {
        using var process = StartProgram(file, args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within {patience}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Sends SIGTERM, as a service manager or Kubernetes would (through sh: its kill is a builtin, /bin/kill may be absent).</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("sh", ["-c", $"kill -TERM {process.Id}"]) ?? throw new InvalidOperationException("sh did not start");
        kill.WaitForExit();
    }

    /// <summary>Runs the command to the end and returns exit code and output.</summary>
    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs the command to the end with <paramref name="environment"/> set, and returns exit code and output: in
    /// this process (<see cref="InProcessCommand"/>) when <paramref name="environment"/> is empty, else as
    /// <see cref="RunProcess(string, IReadOnlyDictionary{string, string?}, string[])"/> (a kill point, a setting, a PATH of
    /// its own).</summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        environment.Count == 0 ? InProcessCommand.Run(workingDirectory, args, Patience) : RunProcess(workingDirectory, environment, args);

    /// <summary>Runs <c>dotnet descentlab.dll ARGS</c>, a process of its own, to the end: for tests of what only a process
    /// shows (several processes at once, peak memory, a kill).</summary>
    public static Result RunProcess(string workingDirectory, params string[] args) => RunProcess(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="RunProcess(string, string[])"/>, with <paramref name="environment"/> set on top of this process's.</summary>
    public static Result RunProcess(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "descentlab.dll"), .. args], workingDirectory, environment, Patience);
}
