using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

/// <summary>Plug-in variants run with <c>isolation: process</c>: the same numbers as in process, and a rule that never
/// returns is killed at <c>stop.max_seconds</c> with its host process.</summary>
[NonParallelizable]
public sealed class ProcessIsolationRunTests
{
    [Test]
    public void Run_IsolationProcess_CurvesBitIdenticalToInProcess()
    {
        using var temp = new TempFolder();
        string variants = "[{ adam_copy: { lr: 0.05, batch: 7, shuffle: true } }]";
        string models = "[origin, affine]";

        var inProcess = Run(temp.Write("a.yaml", Config(PluginPaths.TestPlugins, models, variants, string.Empty)));
        var isolated = Run(temp.Write("b.yaml", Config($"{{ path: {PluginPaths.TestPlugins}, isolation: process }}", models, variants, string.Empty)));

        Assert.That(isolated, Has.Count.EqualTo(2));
        for (int i = 0; i < inProcess.Count; i++)
        {
            Assert.That(isolated[i].Status, Is.EqualTo(inProcess[i].Status), isolated[i].Message);
            var a = inProcess[i].Training!.Curve;
            var b = isolated[i].Training!.Curve;
            Assert.That(b.Loss, Has.Length.GreaterThan(2));
            Assert.That(b.Loss.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(a.Loss.Select(BitConverter.DoubleToInt64Bits)), inProcess[i].Spec.RunId);
            Assert.That(b.Parameters.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(a.Parameters.Select(BitConverter.DoubleToInt64Bits)), inProcess[i].Spec.RunId);
        }
    }

    [Test]
    public void Run_IsolatedRuleNeverReturns_KilledAtMaxSecondsWithItsProcessAndTheOthersFinish()
    {
        using var temp = new TempFolder();
        string config = temp.Write("c.yaml", Config(
            $"{{ path: {PluginPaths.TestPlugins}, isolation: process }}", "[origin]", "[faulty_hangs, batch, adam]", "stop: { max_epochs: 5, max_seconds: 3 }"));

        var results = Run(config);

        Assert.That(results.Select(r => r.Spec.Variant.Name), Is.EqualTo(new[] { "faulty_hangs", "batch", "adam" }));
        Assert.That(results[0].Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(results[0].Message, Is.EqualTo("exceeded stop.max_seconds = 3 s"));
        Assert.That(results.Skip(1).Select(r => r.Status), Is.All.Not.EqualTo(RunStatus.Failed));
        // Ended at the limit; on a loaded machine a host still starting up may take the kill's grace period to go.
        Assert.That(RunningPluginHosts().Where(host => !host.WaitForExit(TimeSpan.FromSeconds(10))).Select(host => host.Id), Is.Empty, "a plug-in host outlived its run");
    }

    private static string Config(string plugin, string models, string variants, string stop) => $"""
        name: p
        seeds: [1]
        plugins: [{plugin}]
        datasets:
          - recipe: beans1
            n: 20
        models: {models}
        variants: {variants}
        {stop}
        """;

    private static IReadOnlyList<RunResult> Run(string path)
    {
        var loaded = ConfigLoader.Load(path, ConfigLimits.Default);
        Assert.That(loaded.Errors, Is.Empty);
        var plan = Planner.Create(loaded.Config!, null, _ => throw new AssertionException("no file datasets expected"));
        return new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, 2, null, CancellationToken.None);
    }

    /// <summary>This process's children that are plug-in hosts and still alive (not exited, not zombies).</summary>
    private static List<System.Diagnostics.Process> RunningPluginHosts()
    {
        var hosts = new List<System.Diagnostics.Process>();
        foreach (string folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                // stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
                string stat = File.ReadAllText(Path.Combine(folder, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                string commandLine = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (fields[0] != "Z" && fields[1] == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && commandLine.Contains("descentlab-pluginhost", StringComparison.Ordinal))
                {
                    hosts.Add(System.Diagnostics.Process.GetProcessById(int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Not a process, or one that ended while being read.
            }
        }

        return hosts;
    }
}
