using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>A tuned config through the command line: the same trials, choices and evaluation runs at any parallelism,
/// across shards merged, and after a kill and resume.</summary>
public sealed class TunedRunEndToEndTests
{
    [Test]
    public void Tuned_IdenticalAtParallel1And2_AcrossShards_AndResumed()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tuned.yaml", """
            name: tuned
            seeds: [1, 2]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin, affine]
            variants:
              - sgd
              - adam: { lr: { log_uniform: [1.0e-3, 1.0] } }
            tune: { trials: 3, eval_seeds: [3, 4] }
            stop: { max_epochs: 5 }
            """);

        RunFolders.AssertSameAcrossParallelShardsAndResume(temp, config);

        var rows = File.ReadAllLines(temp.PathOf("p1", "summary.csv"));
        // 4 groups × (3 trials × 2 tuning seeds + 2 evaluation seeds).
        Assert.That(rows, Has.Length.EqualTo(1 + (4 * 8)));
        Assert.That(rows.Count(r => r.Contains(",eval,", StringComparison.Ordinal)), Is.EqualTo(8));
    }
}
