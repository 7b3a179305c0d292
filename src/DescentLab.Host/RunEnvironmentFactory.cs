using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;

namespace DescentLab.Host;

/// <summary>Collects the facts about this invocation that the manifest records: command, git commit, versions, machine.</summary>
public static class RunEnvironmentFactory
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The environment of a run of <paramref name="config"/> given as <paramref name="configPath"/>; the git commit
    /// of its folder comes from <paramref name="commits"/>.</summary>
    public static RunEnvironment Create(ExperimentConfig config, string configPath, string command, int parallel, long dataFileMaxSamples, string machineName, GitCommits commits) => new(
        configPath,
        ResolvedConfig.From(config),
        command,
        commits.Of(Path.GetDirectoryName(config.SourcePath) ?? "."),
        Versions(),
        Machine() with { Name = machineName },
        parallel,
        dataFileMaxSamples);

    /// <summary>The machine this process runs on.</summary>
    public static MachineInfo Machine() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Environment.ProcessorCount,
        RuntimeInformation.OSArchitecture.ToString())
    {
        Name = Environment.MachineName,
        CpuModel = CpuModel(),
    };

    /// <summary>The CPU model from /proc/cpuinfo (Linux), or empty where there is none.</summary>
    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Select(line => line.Split(':', 2))
                .FirstOrDefault(pair => pair.Length == 2 && pair[0].Trim() is "model name" or "Model" or "cpu model")?[1].Trim() ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>DescentLab's version and those of the packages that shape its output.</summary>
    public static IReadOnlyDictionary<string, string> Versions()
    {
        static string Of(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";

        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["descentlab"] = Of(typeof(RunEnvironmentFactory).Assembly),
            [".net"] = Environment.Version.ToString(),
            ["CsvHelper"] = Of(typeof(CsvHelper.CsvReader).Assembly),
            ["ScottPlot"] = Of(typeof(ScottPlot.Plot).Assembly),
            ["YamlDotNet"] = Of(typeof(YamlDotNet.Serialization.Deserializer).Assembly),
        };
    }

    /// <summary>HEAD of the git repository holding <paramref name="folder"/> (suffixed <c>-dirty</c> with local changes), or null.</summary>
    public static string? GitCommit(string folder)
    {
        string? head = Git(folder, "rev-parse", "HEAD");
        if (head is null)
        {
            return null;
        }

        string? status = Git(folder, "status", "--porcelain", "--untracked-files=no");
        return status is { Length: > 0 } ? head + "-dirty" : head;
    }

    private static string? Git(string folder, params string[] arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, .. arguments])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            // Read while waiting, so the 5 s limit holds even when git hangs with its pipes open.
            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(GitTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            return git.ExitCode == 0 && output.Wait(GitTimeout) ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
