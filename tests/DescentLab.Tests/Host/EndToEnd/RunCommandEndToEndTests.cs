using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>The command line on small configs: files, columns, exit codes 0/1/2/3, determinism, shards.</summary>
public sealed class RunCommandEndToEndTests
{
    private const string Small = """
        name: small
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 30
            models: [origin, affine]
          - recipe: beans3
            n: 30
            models: [logistic]
        variants:
          - closed_form
          - sgd: { lr: [0.1, 10] }
          - minibatch: { lr: 0.1, batch: 7, shuffle: true }
          - adam: { lr: 0.05 }
        stop: { max_epochs: 15 }
        """;

    [Test]
    public void Run_SmallConfig_WritesTheRunFolderAndExitsZero()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        string run = temp.PathOf("out");
        Assert.That(File.ReadLines(Path.Combine(run, "summary.csv")).First(), Does.StartWith(
            "run_id,dataset,dataset_key,recipe,n,seed,model,loss,variant,lr,step,batch,shuffle,hyper,trial,phase,status,epochs,steps,final_loss,optimum_loss,optimum_kind,optimum_attained,final_gap,accuracy,epochs_to_target,grad_evals_to_target,grad_evals,"));
        Assert.That(File.ReadLines(Path.Combine(run, "summary.csv")).Count(), Is.EqualTo(1 + 2 * (2 * 5 + 4)));
        Assert.That(File.ReadLines(Path.Combine(run, "curves.csv")).First(), Does.StartWith("run_id,epoch,step,loss,gap,grad_norm,accuracy,"));
        Assert.That(RunFolders.CurveRows(run), Has.Count.EqualTo(28));
        Assert.That(Directory.Exists(Path.Combine(run, "curves")), Is.False, "one curves.csv, no file per run");
        Assert.That(File.Exists(Path.Combine(run, "manifest.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(run, "report.md")), Is.True);
        Assert.That(File.Exists(Path.Combine(run, "report.html")), Is.True);
        Assert.That(Directory.Exists(temp.PathOf("reports", "small")), Is.False, "--out DIR is the run folder itself: no <name>/<stamp> folder and no latest");
        Assert.That(File.Exists(temp.PathOf("reports", "history.db")), Is.True, "history stays under the reports root");
        Assert.That(Directory.GetFiles(Path.Combine(run, "plots"), "*.png"), Is.Not.Empty);
        Assert.That(File.Exists(Path.Combine(run, "INCOMPLETE")), Is.False);
        Assert.That(File.ReadAllText(Path.Combine(run, "summary.csv")), Does.Contain(",diverged,"));
    }

    [Test]
    public void Run_DefaultFolder_IsUnderReportsWithLatestAndHistory()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small.Replace("max_epochs: 15", "max_epochs: 3", StringComparison.Ordinal));

        var result = DescentLabProcess.Run(temp.FullPath, "run", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        string printed = result.Out.Trim();
        Assert.That(Path.GetDirectoryName(printed), Is.EqualTo(temp.PathOf("reports/small")));
        Assert.That(new FileInfo(temp.PathOf("reports/small/latest")).LinkTarget, Is.EqualTo(Path.GetFileName(printed)));
        Assert.That(File.Exists(temp.PathOf("reports/history.db")), Is.True);
        Assert.That(Directory.GetFiles(temp.PathOf("reports/logs"), "descentlab-*.clef"), Is.Not.Empty);
    }

    [Test]
    public void Run_BadConfig_ExitsTwoWithEveryErrorAndWritesNothing()
    {
        using var temp = new TempFolder();
        string config = temp.Write("bad.yaml", Small.Replace("recipe: beans3", "recipe: beans9", StringComparison.Ordinal).Replace("lr: 0.05", "lr: -1", StringComparison.Ordinal));

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"{config}:7:13: datasets[1].recipe: "));
        Assert.That(result.Error, Does.Contain($"{config}:14:17: variants[3].adam.lr: "));
        Assert.That(Directory.Exists(temp.PathOf("out")), Is.False);
        Assert.That(Directory.Exists(temp.PathOf("reports")), Is.False);
    }

    [Test]
    public void Run_UsageError_ExitsTwo()
    {
        using var temp = new TempFolder();

        var result = DescentLabProcess.Run(temp.FullPath, "run", "x.yaml", "--shard", "5/2");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("--shard expects K/N"));
    }

    [Test]
    public void Run_FailedRun_ExitsOneAndKeepsTheOthers()
    {
        using var temp = new TempFolder();
        temp.Write("data/flat.csv", "x,y\n1,1\n1,2\n1,3\n");
        string config = temp.Write("flat.yaml", """
            name: flat
            seeds: [1]
            datasets:
              - file: data/flat.csv
            models: [affine]
            variants: [closed_form, batch]
            stop: { max_epochs: 5 }
            """);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Error);
        var lines = File.ReadAllLines(temp.PathOf("out/summary.csv"));
        Assert.That(lines[1], Does.StartWith("flat-n3_affine_closed_form_s1,").And.Contain(",failed,").And.Contain("the normal equation is singular"));
        Assert.That(lines[2], Does.StartWith("flat-n3_affine_batch_s1,").And.Not.Contain(",failed,"));
    }

    [Test]
    public void Run_Parallel1AndParallel2_WriteByteIdenticalCurvesAndSummary()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small);

        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "p1", "--parallel", "1").ExitCode, Is.EqualTo(0));
        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "p2", "--parallel", "2").ExitCode, Is.EqualTo(0));

        RunFolders.AssertSameResults(temp.PathOf("p1"), temp.PathOf("p2"));
    }

    [Test]
    public void Merge_ThreeShards_EqualsOneProcessByteForByte()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small);

        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "whole").ExitCode, Is.EqualTo(0));
        foreach (int k in new[] { 2, 1, 3 })
        {
            var shard = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", $"shard{k}", "--shard", $"{k}/3");
            Assert.That(shard.ExitCode, Is.EqualTo(0), shard.Error);
        }

        var merge = DescentLabProcess.Run(temp.FullPath, "merge", "shard3", "shard1", "shard2", "--out", "merged");

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        RunFolders.AssertSameResults(temp.PathOf("whole"), temp.PathOf("merged"));
        Assert.That(File.Exists(temp.PathOf("merged/report.md")), Is.True);
    }

    [Test]
    public void Run_InjectedRegression_ExitsThreeAndAnIdenticalRerunExitsZero()
    {
        using var temp = new TempFolder();
        const string gate = """
            name: gate
            seeds: [1]
            datasets:
              - recipe: beans1
                n: 40
            models: [origin]
            variants:
              - sgd: { lr: 0.05 }
              - batch: { lr: 0.2 }
            stop: { max_epochs: EPOCHS, target_gap: 1.0e-12 }
            regression: { baseline: baselines/gate.csv, fail: true }
            """;
        string good = temp.Write("good/gate.yaml", gate.Replace("EPOCHS", "30", StringComparison.Ordinal));
        string worse = temp.Write("worse/gate.yaml", gate.Replace("EPOCHS", "10", StringComparison.Ordinal));

        var first = DescentLabProcess.Run(temp.FullPath, "run", good, "--out", "first");
        var accept = DescentLabProcess.Run(temp.FullPath, "baseline", "accept", "first");
        Directory.CreateDirectory(temp.PathOf("worse/baselines"));
        File.Copy(temp.PathOf("good/baselines/gate.csv"), temp.PathOf("worse/baselines/gate.csv"));
        File.Copy(temp.PathOf("good/baselines/gate.csv.meta.json"), temp.PathOf("worse/baselines/gate.csv.meta.json"));
        var rerun = DescentLabProcess.Run(temp.FullPath, "run", good, "--out", "rerun");
        var regressed = DescentLabProcess.Run(temp.FullPath, "run", worse, "--out", "regressed");

        Assert.That(first.ExitCode, Is.EqualTo(2), "fail: true with no baseline file must not pass: " + first.Error);
        Assert.That(first.Error, Does.Contain(
            $"the baseline {temp.PathOf("good/baselines/gate.csv")} does not exist, so nothing was compared; make this run the baseline with: descentlab baseline accept {temp.PathOf("first")} --to {temp.PathOf("good/baselines/gate.csv")}"));
        Assert.That(first.Error, Does.Contain(" converged, no regression check, 0 failed, ").And.Not.Contain("0 regressions"),
            "after a missing baseline the last line must not read like a pass");
        Assert.That(accept.ExitCode, Is.EqualTo(0), accept.Error);
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Error);
        Assert.That(rerun.Error, Does.Contain(", 0 regressions, 0 improvements, "));
        Assert.That(rerun.Error, Does.Not.Contain("config"), "the same config file has the baseline's hash");
        Assert.That(regressed.ExitCode, Is.EqualTo(3), regressed.Error);
        Assert.That(regressed.Error, Does.Contain("gate: The config differs from the baseline's"));
        Assert.That(regressed.Error.IndexOf("config differs", StringComparison.Ordinal), Is.LessThan(regressed.Error.IndexOf("Regression in", StringComparison.Ordinal)));
        Assert.That(regressed.Error, Does.Contain("Regression in beans1-n40_origin_sgd_lr0.05: final_gap: baseline median "));
        Assert.That(regressed.Error.TrimEnd().Split('\n')[^1], Does.Contain("gate: 2 runs: 0 converged, 2 regressions, 0 improvements, 0 failed, 0 diverged; report in " + temp.PathOf("regressed")));
        Assert.That(File.ReadAllText(temp.PathOf("regressed/regression.csv")), Does.Contain("regression,beans1-n40_origin_batch_lr0.2_s1,final_gap"));
        Assert.That(File.ReadAllText(temp.PathOf("regressed/report.md")), Does.Contain("| `beans1-n40_origin_sgd_lr0.05` | final\\_gap |"));
    }

    [Test]
    public void Report_RerenderFromFiles_GivesTheSameReport()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small);
        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out").ExitCode, Is.EqualTo(0));
        string before = File.ReadAllText(temp.PathOf("out/report.md"));
        File.Delete(temp.PathOf("out/report.md"));
        Directory.Delete(temp.PathOf("out/plots"), recursive: true);

        var result = DescentLabProcess.Run(temp.FullPath, "report", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(File.ReadAllText(temp.PathOf("out/report.md")), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(temp.PathOf("out/plots"), "*.png"), Is.Not.Empty);
    }

    [Test]
    public void DatasetsExport_WritesTheRecipeBitForBit()
    {
        using var temp = new TempFolder();

        var result = DescentLabProcess.Run(temp.FullPath, "datasets", "export", "beans5", "--n", "3", "--seed", "42", "--out", "b5.csv");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var expected = DescentLab.Core.Datasets.RecipeCatalog.Find("beans5")!.Generate(3, 42);
        var lines = File.ReadAllLines(temp.PathOf("b5.csv"));
        Assert.That(lines[0], Is.EqualTo("x1,x2,y"));
        Assert.That(lines[1], Is.EqualTo(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{expected.X1[0]:R},{expected.X2[0]:R},{expected.Y[0]:R}")));
    }

    [Test]
    public void Validate_PrintsOkForEachGoodConfig()
    {
        using var temp = new TempFolder();
        string config = temp.Write("small.yaml", Small);

        var result = DescentLabProcess.Run(temp.FullPath, "validate", config);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out.Trim(), Is.EqualTo($"{config}: OK (small)"));
    }
}
