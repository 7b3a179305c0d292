using DescentLab.Output.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary><c>run --resume</c> of a set started with <c>--set</c>: the folder recorded the overrides, so the resumed set is
/// the one an uninterrupted run with them writes, and its command still shows them.</summary>
public sealed class ResumeWithOverridesTests
{
    private const int SigKillExitCode = 137;

    private const string Config = """
        name: faults
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - sgd: { lr: 0.1 }
          - adam: { lr: 0.05 }
        stop: { max_epochs: 10 }
        """;

    [Test]
    public void KillNine_DuringRuns_ResumeAppliesTheRecordedOverridesAgain()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        string[] sets = ["--set", "stop.max_epochs=4", "--set", "variants.sgd.lr=[0.2, 0.05]"];
        var reference = DescentLabProcess.Run(temp.FullPath, ["run", config, .. sets, "--out", "reference"]);
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

        // Write points: INCOMPLETE, .resume.json, then per run its curve file and its journal record.
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "5" }, ["run", config, .. sets, "--out", "part", "--parallel", "1"]);
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Error, Does.Contain("resuming, 2 of 3 runs already finished"));
        RunFolders.AssertSameResults(temp.PathOf("reference"), temp.PathOf("part"));
        RunFolders.AssertSameManifest(temp.PathOf("reference"), temp.PathOf("part"));
        var manifest = ManifestJson.Read(temp.PathOf("part", ManifestJson.FileName));
        Assert.That(manifest.Command, Is.EqualTo($"descentlab run {config} --set stop.max_epochs=4 --set 'variants.sgd.lr=[0.2, 0.05]'"));
        Assert.That(manifest.ResolvedConfig.Stop.MaxEpochs, Is.EqualTo(4));
    }
}
