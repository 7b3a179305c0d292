using System.Globalization;
using DescentLab.Tests.Support;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace DescentLab.Tests.Deploy;

/// <summary>The command lines of deploy/kubernetes, deploy/slurm and deploy/systemd, run as shipped against the built tool
/// in the folder layout they create (with /srv/descentlab moved to a temporary folder), then <c>prune</c> with the shipped
/// retention settings 100 days later: every file of a complete run set stays, and stale incomplete folders go.</summary>
public sealed class DeployedLayoutTests
{
    private const string InstalledTool = "dotnet /opt/descentlab/descentlab.dll";
    private const string SystemdTool = "/usr/bin/dotnet /opt/descentlab/descentlab.dll";
    private const string Srv = "/srv/descentlab";
    private static readonly string Tool = $"dotnet {Path.Combine(AppContext.BaseDirectory, "descentlab.dll")}";
    private static readonly string DeployRoot = Path.Combine(RepoRoot(), "deploy");

    [Test]
    public void Kubernetes_MergedSetKeepsEveryFile_AndAnUnmergedSetGoes_100DaysLater()
    {
        using var temp = new TempFolder();
        temp.Write("configs/nightly.yaml", Config(epochs: 20));
        var now = DateTimeOffset.UtcNow;
        string run = Stamp(now);
        string unmerged = Stamp(now.AddHours(-1));

        // As documented at the top of descentlab-shards.yaml: a fresh RUN per run set, put in with sed.
        for (int index = 0; index < 3; index++)
        {
            var shard = RunContainer("descentlab-shards.yaml", run, temp, new() { ["JOB_COMPLETION_INDEX"] = index.ToString(CultureInfo.InvariantCulture) });
            Assert.That(shard.ExitCode, Is.Zero, shard.Error);
        }

        var merge = RunContainer("descentlab-merge.yaml", run, temp, []);
        var halfDone = RunContainer("descentlab-shards.yaml", unmerged, temp, new() { ["JOB_COMPLETION_INDEX"] = "0" });
        string set = temp.PathOf("reports", "runs", run);
        string[] before = FilesUnder(set);
        var mergeJob = Container("descentlab-merge.yaml", run);
        var later = Shell(PruneLater(mergeJob.Script(temp), now), temp.FullPath, mergeJob.Environment(temp));

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.Zero, merge.Error);
            Assert.That(halfDone.ExitCode, Is.Zero, halfDone.Error);
            Assert.That(later.ExitCode, Is.Zero, later.Error);
            Assert.That(before, Has.Member("merged/manifest.json").And.Member("merged/report.md").And.Member("shard-3/manifest.json"));
            Assert.That(FilesUnder(set), Is.EqualTo(before));
            Assert.That(Directory.Exists(temp.PathOf("reports", "runs", unmerged)), Is.False);
            Assert.That(later.Out, Does.Contain($"removed {temp.PathOf("reports", "runs", unmerged)} (incomplete (shards without a complete merge), no write for "));
        });
    }

    [Test]
    public void Slurm_MergedSetKeepsEveryFile_AndAnUnmergedSetGoes_100DaysLater()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/nightly.yaml", Config(epochs: 20));
        var now = DateTimeOffset.UtcNow;
        string reports = temp.PathOf("reports");
        string set = Path.Combine(reports, "runs", Stamp(now));
        string unmerged = Path.Combine(reports, "runs", Stamp(now.AddHours(-1)));
        Dictionary<string, string?> Job(string outDir, int task) => new()
        {
            ["DESCENTLAB"] = Tool,
            ["DESCENTLAB_CONFIG"] = config,
            ["DESCENTLAB_OUT"] = outDir,
            ["DESCENTLAB_SHARDS"] = "3",
            ["DescentLab__ReportsDir"] = reports,
            ["SLURM_ARRAY_TASK_ID"] = task.ToString(CultureInfo.InvariantCulture),
            ["SLURM_ARRAY_TASK_COUNT"] = "3",
        };

        // submit.sh: mkdir -p OUT, the array with --chdir=OUT, then the merge job, also in OUT.
        Directory.CreateDirectory(set);
        Directory.CreateDirectory(unmerged);
        for (int task = 1; task <= 3; task++)
        {
            var shard = Script("descentlab-shard.sbatch", set, Job(set, task));
            Assert.That(shard.ExitCode, Is.Zero, shard.Error);
        }

        var merge = Script("descentlab-merge.sbatch", set, Job(set, 0));
        var halfDone = Script("descentlab-shard.sbatch", unmerged, Job(unmerged, 2));
        string[] before = FilesUnder(set);
        string mergeScript = File.ReadAllText(Path.Combine(DeployRoot, "slurm", "descentlab-merge.sbatch"));
        string retention = string.Join('\n', mergeScript.Split('\n').Where(l => l.StartsWith("export DescentLab__", StringComparison.Ordinal)));
        var later = Shell($"{retention}\n{PruneLater(mergeScript, now)}", set, Job(set, 0));

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.Zero, merge.Error);
            Assert.That(halfDone.ExitCode, Is.Zero, halfDone.Error);
            Assert.That(retention, Does.Contain("DescentLab__Retention__KeepLast"));
            Assert.That(later.ExitCode, Is.Zero, later.Error);
            Assert.That(later.Out, Does.StartWith("complete run sets: keep the newest 30;"));
            Assert.That(before, Has.Member("merged/manifest.json").And.Member("shard-1/manifest.json"));
            Assert.That(FilesUnder(set), Is.EqualTo(before));
            Assert.That(Directory.Exists(unmerged), Is.False);
        });
    }

    [Test]
    public void SystemdNightly_FailsOnARegression_KeepsBothNights_AndAStaleIncompleteFolderGoes_100DaysLater()
    {
        using var temp = new TempFolder();
        var unit = Unit("descentlab-nightly.service", temp);
        var now = DateTimeOffset.UtcNow;

        temp.Write("configs/nightly.yaml", Config(epochs: 30));
        var good = Shell(unit.Values["ExecStart"], unit.WorkingDirectory, unit.Environment);
        var goodPost = Shell(unit.Values["ExecStopPost"], unit.WorkingDirectory, unit.Environment);
        temp.Write("configs/nightly.yaml", Config(epochs: 10));
        var worse = Shell(unit.Values["ExecStart"], unit.WorkingDirectory, unit.Environment);
        string killed = temp.Write($"reports/nightly/{Stamp(now.AddDays(-1))}/curves/beans1-n40_origin_sgd_lr0.05_s1.csv", "epoch,step,loss\n");
        string[] before = FilesUnder(temp.PathOf("reports", "nightly"));
        var later = Shell(PruneLater(unit.Values["ExecStopPost"], now), unit.WorkingDirectory, unit.Environment);
        string[] after = FilesUnder(temp.PathOf("reports", "nightly"));

        Assert.Multiple(() =>
        {
            Assert.That(unit.Values["OnFailure"], Is.EqualTo("descentlab-failure@%n.service"));
            Assert.That(File.Exists(Path.Combine(DeployRoot, "systemd", "descentlab-failure@.service")), Is.True);
            Assert.That(good.ExitCode, Is.Zero, good.Error);
            Assert.That(goodPost.ExitCode, Is.Zero, goodPost.Error);
            Assert.That(worse.ExitCode, Is.EqualTo(3), "a regression fails the unit: " + worse.Error);
            Assert.That(later.ExitCode, Is.Zero, later.Error);
            Assert.That(later.Out, Does.StartWith("complete run sets: keep the newest 30 and any younger than 90 days;"));
            Assert.That(after, Is.EqualTo(before.Where(f => !f.StartsWith(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(killed)))!, StringComparison.Ordinal))));
            Assert.That(after.Count(f => f.EndsWith("/manifest.json", StringComparison.Ordinal) && !f.StartsWith("latest/", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(File.Exists(killed), Is.False);
        });
    }

    /// <summary>A small nightly: 2 variants x 2 seeds (4 runs, so 3 shards all have work); fewer epochs regress.</summary>
    private static string Config(int epochs) => $"""
        name: nightly
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 40
        models: [origin]
        variants:
          - sgd: {"{"} lr: 0.05 {"}"}
          - batch: {"{"} lr: 0.2 {"}"}
        stop: {"{"} max_epochs: {epochs}, target_gap: 1.0e-12 {"}"}
        regression: {"{"} baseline: previous {"}"}
        """;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>The <c>prune</c> command of <paramref name="script"/> (the one line or <c>;</c>-separated step that runs
    /// it), applied 100 days after <paramref name="now"/>.</summary>
    private static string PruneLater(string script, DateTimeOffset now)
    {
        string step = script.Split(['\n', ';']).Select(s => s.Split("||")[0].Trim()).Single(s => s.EndsWith(" prune", StringComparison.Ordinal));
        return $"{step} --now {now.AddDays(100).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
    }

    private static DescentLabProcess.Result RunContainer(string manifest, string run, TempFolder temp, Dictionary<string, string?> extra)
    {
        var container = Container(manifest, run);
        var environment = container.Environment(temp);
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return Shell(container.Script(temp), temp.FullPath, environment);
    }

    /// <summary>The first container of a Job manifest, with RUN set as the manifest's header says (sed over the text).</summary>
    private static ContainerSpec Container(string manifest, string run)
    {
        string text = File.ReadAllText(Path.Combine(DeployRoot, "kubernetes", manifest))
            .Replace("value: \"nightly\"", $"value: \"{run}\"", StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var job = (YamlMappingNode)stream.Documents[0].RootNode;
        var template = (YamlMappingNode)((YamlMappingNode)job["spec"])["template"];
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"])[0];
        string[] command = [.. ((YamlSequenceNode)container["command"]).Select(c => c.ToString())];
        Assert.That(command, Is.EqualTo(new[] { "/bin/sh", "-c" }));
        string script = ((YamlSequenceNode)container["args"]).Single().ToString();
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => e["name"].ToString(), e => e["value"].ToString());
        return new ContainerSpec(script, env);
    }

    private static DescentLabProcess.Result Script(string sbatch, string workingDirectory, Dictionary<string, string?> environment) =>
        Run("bash", [Path.Combine(DeployRoot, "slurm", sbatch)], workingDirectory, environment);

    /// <summary>Runs <paramref name="script"/> with /bin/sh.</summary>
    private static DescentLabProcess.Result Shell(string script, string workingDirectory, Dictionary<string, string?> environment) =>
        Run("/bin/sh", ["-c", script], workingDirectory, environment);

    private static DescentLabProcess.Result Run(string file, string[] args, string workingDirectory, Dictionary<string, string?> environment) =>
        DescentLabProcess.RunProgram(file, args, workingDirectory, environment, TimeSpan.FromMinutes(3));

    /// <summary>The shipped text with the install and data folders of the test.</summary>
    private static string Localize(string text, TempFolder temp) =>
        text.Replace(SystemdTool, Tool, StringComparison.Ordinal)
            .Replace(InstalledTool, Tool, StringComparison.Ordinal)
            .Replace(Srv, temp.FullPath, StringComparison.Ordinal);

    private static UnitFile Unit(string name, TempFolder temp)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(DeployRoot, "systemd", name)))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals < 0)
            {
                continue;
            }

            string key = line[..equals];
            string value = Localize(line[(equals + 1)..], temp);
            if (key == "Environment")
            {
                int inner = value.IndexOf('=', StringComparison.Ordinal);
                environment[value[..inner]] = value[(inner + 1)..];
            }
            else
            {
                values[key] = value;
            }
        }

        return new UnitFile(values, environment, values["WorkingDirectory"]);
    }

    private static string[] FilesUnder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above the test folder");
    }

    private sealed record UnitFile(Dictionary<string, string> Values, Dictionary<string, string?> Environment, string WorkingDirectory);

    private sealed record ContainerSpec(string Shipped, Dictionary<string, string> Env)
    {
        /// <summary>The container's shell script with the built tool and the test folder.</summary>
        public string Script(TempFolder temp) => Localize(Shipped, temp);

        /// <summary>The container's environment with /srv/descentlab in the test folder.</summary>
        public Dictionary<string, string?> Environment(TempFolder temp) =>
            Env.ToDictionary(e => e.Key, e => (string?)Localize(e.Value, temp));
    }
}
