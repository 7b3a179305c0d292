using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary>curves.csv cannot be written while the runs stream to disk: the set fails cleanly (exit 1, the reason, the
/// folder incomplete, no run journaled without its rows), and a resume gives the uninterrupted bytes.</summary>
/// <remarks>The fault is exact and needs no root: a directory stands where curves.csv must be created.</remarks>
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

    [Test]
    public void CurvesCsvCannotBeWritten_SetFailsCleanly_ThenResumeGivesTheSameBytes()
    {
        using var temp = new TempFolder();
        string config = temp.Write("curvefault.yaml", Config);
        var reference = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "reference", "--parallel", "2");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);
        string blocked = temp.PathOf("part", "curves.csv");
        Directory.CreateDirectory(blocked);

        var failed = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "part", "--parallel", "2");

        Assert.Multiple(() =>
        {
            Assert.That(failed.ExitCode, Is.EqualTo(1), failed.Error);
            Assert.That(failed.Error, Does.Match(@"Run beans1-n20_origin_\S+ finished but its rows could not be written to curves\.csv"));
            Assert.That(failed.Error, Does.Contain($"curvefault: writing {temp.PathOf("part")} failed: curves.csv could not be written: "));
            Assert.That(failed.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(File.Exists(temp.PathOf("part", "INCOMPLETE")), Is.True);
            Assert.That(File.Exists(temp.PathOf("part", ".runs", "journal")), Is.False, "no run is journaled without its rows");
        });

        Directory.Delete(blocked);
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(File.Exists(temp.PathOf("part", "INCOMPLETE")), Is.False);
        RunFolders.AssertSameResults(temp.PathOf("reference"), temp.PathOf("part"));
    }
}
