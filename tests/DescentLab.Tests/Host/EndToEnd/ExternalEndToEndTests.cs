using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>External-process variants through the command line: the Python example, config errors, failed runs.</summary>
public sealed class ExternalEndToEndTests
{
    private static readonly string Fake = Path.Combine(AppContext.BaseDirectory, "Experiments", "External", "fake_optimizer.py");

    [Test]
    public void PythonExample_IsBitIdenticalToAdam_AtParallel1And2AndAcrossShards()
    {
        using var temp = new TempFolder();
        string config = Path.Combine(PluginPaths.PythonExample, "example.yaml");

        RunFolders.AssertSameAcrossParallelShardsAndResume(temp, config);

        var curves = RunFolders.CurveRows(temp.PathOf("p1"));
        var pythonCurves = curves.Keys.Where(id => id.Contains("_py_adam_", StringComparison.Ordinal)).ToList();
        Assert.That(pythonCurves, Has.Count.EqualTo(4));
        foreach (string python in pythonCurves)
        {
            string builtIn = python.Replace("_py_adam_", "_adam_", StringComparison.Ordinal);
            Assert.That(curves[python], Is.EqualTo(curves[builtIn]), python);
        }
    }

    [Test]
    public void TorchExample_AdamWithoutWeightDecayFollowsTheBuiltInAdamToRounding_AndWeightDecayReachesIt()
    {
        using var temp = new TempFolder();
        string config = Path.Combine(PluginPaths.TorchExample, "example.yaml");

        var result = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["PATH"] = PathWithTorch() }, "run", config, "--out", "out", "--parallel", "2");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var curves = RunFolders.CurveRows(temp.PathOf("out"));
        var plain = curves.Keys.Where(id => id.Contains("_torch_adamw_lr0.05_weight_decay0_", StringComparison.Ordinal)).ToList();
        var decayed = curves.Keys.Where(id => id.Contains("_torch_adamw_lr0.05_weight_decay0.01_", StringComparison.Ordinal)).ToList();
        Assert.That((plain.Count, decayed.Count), Is.EqualTo((4, 4)));
        foreach (string torch in plain)
        {
            var builtIn = Rows(curves[torch.Replace("_torch_adamw_lr0.05_weight_decay0_", "_adam_lr0.05_", StringComparison.Ordinal)]);
            var ours = Rows(curves[torch]);
            Assert.That(ours.Select(r => r.Length), Is.EqualTo(builtIn.Select(r => r.Length)), torch);
            for (int row = 0; row < ours.Length; row++)
            {
                // PyTorch's own operation order may differ from the built-in's (which follows torch 2.x) in the last
                // bits; the gap (loss minus L*) carries that difference relative to the loss, not to itself.
                double scale = Math.Abs(builtIn[row][Loss]);
                for (int cell = 0; cell < ours[row].Length; cell++)
                {
                    Assert.That(ours[row][cell], Is.EqualTo(builtIn[row][cell]).Within(1e-10 * Math.Max(scale, Math.Abs(builtIn[row][cell]))), $"{torch}, row {row}, cell {cell}");
                }
            }
        }

        foreach (string torch in decayed)
        {
            string withoutDecay = torch.Replace("_weight_decay0.01_", "_weight_decay0_", StringComparison.Ordinal);
            Assert.That(Rows(curves[torch])[^1], Is.Not.EqualTo(Rows(curves[withoutDecay])[^1]), $"{torch}: the weight decay reached PyTorch");
        }
    }

    /// <summary>The column of the loss in a run's curve rows (after epoch and step).</summary>
    private const int Loss = 2;

    /// <summary>A run's curve rows as numbers (the empty accuracy and parameter cells of other models left out).</summary>
    private static double[][] Rows(string rows) => [.. rows.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(row => row.Split(',').Where(cell => cell.Length > 0).Select(cell => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>PATH with first the folder of a python3 that imports torch: the one on PATH, or Debian's (python3-torch).</summary>
    private static string PathWithTorch()
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string folder in path.Split(':').Append("/usr/bin").Where(f => File.Exists(Path.Combine(f, "python3"))))
        {
            var check = DescentLabProcess.RunProgram(Path.Combine(folder, "python3"), ["-c", "import torch"], Path.GetTempPath(), new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
            if (check.ExitCode == 0)
            {
                return folder + ":" + path;
            }
        }

        Assert.Fail("The torch example needs PyTorch for python3: apt-get install python3-torch (make test installs it with scripts/ensure-test-tools.sh).");
        return path;
    }

    [Test]
    public void Resume_ScriptChangedSinceTheSetStarted_IsRefused()
    {
        using var temp = new TempFolder();
        File.Copy(Fake, temp.PathOf("fake.py"));
        string config = temp.Write("r.yaml", """
            name: r
            seeds: [1, 2]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants:
              - external: { command: [python3, fake.py, good] }
              - batch
            stop: { max_epochs: 3 }
            """);
        string before = Sha256(temp.PathOf("fake.py"));
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "4" }, "run", config, "--out", "part", "--parallel", "1");
        Assert.That(killed.ExitCode, Is.EqualTo(137), killed.Error);
        File.AppendAllText(temp.PathOf("fake.py"), "# a changed rule\n");

        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(2), resumed.Error);
        Assert.That(resumed.Error, Does.Contain(
            $"the code of variant 'fake_good': external 'python3 fake.py good' (fake.py SHA-256 {before}) then, "
            + $"external 'python3 fake.py good' (fake.py SHA-256 {Sha256(temp.PathOf("fake.py"))}) now: it has changed since the run set in "
            + $"{temp.PathOf("part")} started; a resumed set must run the same code (start a new run instead)"));
    }

    [Test]
    public void Run_ProcessesThatBreakTheProtocol_FailOrDivergeAndTheBatchGoesOn()
    {
        using var temp = new TempFolder();
        File.Copy(Fake, temp.PathOf("fake.py"));
        string config = temp.Write("faults.yaml", """
            name: faults
            seeds: [1]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants:
              - external: { command: [python3, fake.py, malformed] }
              - external: { command: [python3, fake.py, exit_early] }
              - external: { command: [python3, fake.py, nan] }
              - batch
            stop: { max_epochs: 5 }
            """);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Error);
        var rows = File.ReadAllLines(temp.PathOf("out", "summary.csv"));
        Assert.That(rows[1], Does.StartWith("beans1-n20_origin_fake_malformed_s1,").And.Contain(",failed,")
            .And.Contain("external 'python3 fake.py malformed': step 2: malformed line 'this is not json'; stderr: about to answer garbage"));
        Assert.That(rows[2], Does.StartWith("beans1-n20_origin_fake_exit_early_s1,").And.Contain(",failed,")
            .And.Contain("the process exited with code 3 before answering step 2; stderr: giving up"));
        Assert.That(rows[3], Does.StartWith("beans1-n20_origin_fake_nan_s1,").And.Contain(",diverged,"));
        Assert.That(rows[4], Does.StartWith("beans1-n20_origin_batch_s1,").And.Contain(",not_converged,"));
    }

    [Test]
    public void Validate_ProcessThatCannotDescribeItselfOrTakesABuiltInName_OrABadTimeout_ExitsTwoAtItsEntry()
    {
        using var temp = new TempFolder();
        File.Copy(Fake, temp.PathOf("fake.py"));
        string config = temp.Write("bad.yaml", """
            name: bad
            seeds: [1]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants:
              - external: { command: [python3, fake.py, no_describe] }
              - external: { command: [python3, fake.py, clash] }
              - external: { command: [python3, fake.py, good], lr: 11, bogus: 1 }
              - external: { command: [python3, fake.py, good], start_timeout_seconds: 0 }
            """);

        var result = DescentLabProcess.Run(temp.FullPath, "validate", config);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        string path = temp.PathOf("bad.yaml");
        Assert.That(result.Error, Does.Contain(
            $"{path}:8:26: variants[0].external.command: the process cannot describe itself: external 'python3 fake.py no_describe': "
            + "the process exited with code 2 before answering describe; stderr: cannot describe"));
        Assert.That(result.Error, Does.Contain(
            $"{path}:9:26: variants[1].external.command: external variant 'adam' clashes with the built-in variant 'adam'; give it another name"));
        Assert.That(result.Error, Does.Contain($"{path}:10:56: variants[2].external.lr: expected a number in [0, 10], got 11"));
        Assert.That(result.Error, Does.Contain($"{path}:10:60: variants[2].external.bogus: unknown key; valid keys: lr, batch, shuffle, command, timeout_seconds, start_timeout_seconds"));
        Assert.That(result.Error, Does.Contain($"{path}:11:75: variants[3].external.start_timeout_seconds: expected a number of seconds in (0, 8.64e4], got 0"));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
