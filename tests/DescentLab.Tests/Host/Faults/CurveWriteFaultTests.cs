using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary>A curve file that cannot be written while the runs stream to disk: the set fails cleanly (exit 1, the curves
/// exporter's error, the folder incomplete, the run not journaled), and a resume gives the uninterrupted bytes.</summary>
/// <remarks>The fault is exact and needs no root: a directory stands where one run's curve file must be renamed to.</remarks>
[NonParallelizable]
public sealed class CurveWriteFaultTests
{
    private const string Config = """
        name: curvefault
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - closed_form
          - sgd: { lr: [0.1, 0.01] }
        stop: { max_epochs: 8 }
        """;

    private const string Blocked = "beans1-n20_origin_sgd_lr0.1_s2";

    [Test]
    public void CurveFileCannotBeWritten_SetFailsCleanly_ThenResumeGivesTheSameBytes()
    {
        using var temp = new TempFolder();
        string config = temp.Write("curvefault.yaml", Config);
        var reference = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "reference", "--parallel", "2");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);
        string blocked = temp.PathOf("part", "curves", Blocked + ".csv");
        Directory.CreateDirectory(blocked);

        var failed = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "part", "--parallel", "2");

        Assert.Multiple(() =>
        {
            Assert.That(failed.ExitCode, Is.EqualTo(1), failed.Error);
            Assert.That(failed.Error, Does.Contain($"Run {Blocked} finished but its curve file could not be written"));
            Assert.That(failed.Error, Does.Contain($"Exporter curves failed in {temp.PathOf("part")}"));
            Assert.That(failed.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(File.Exists(temp.PathOf("part", "INCOMPLETE")), Is.True);
            string journal = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(temp.PathOf("part", ".runs", "journal")));
            Assert.That(journal, Does.Not.Contain(Blocked), "a run without its curve is not journaled");
            Assert.That(Directory.GetFiles(temp.PathOf("part", "curves"), "*.tmp"), Is.Empty);
        });

        Directory.Delete(blocked);
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Error, Does.Contain("resuming, 5 of 6 runs already finished"));
        Assert.That(File.Exists(temp.PathOf("part", "INCOMPLETE")), Is.False);
        RunFolders.AssertSameResults(temp.PathOf("reference"), temp.PathOf("part"));
    }
}
