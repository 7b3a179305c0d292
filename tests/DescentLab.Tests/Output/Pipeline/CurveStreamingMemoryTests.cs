using System.Globalization;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary>A 200,000-run sweep streams its curves to one curves.csv without holding them: the heap grows by the
/// per-run digests (summary row, target hits) and the plan, not by the curves.</summary>
[NonParallelizable]
public sealed class CurveStreamingMemoryTests
{
    private const int Runs = 200_000;

    [Test]
    public void Sweep200000Runs_HeapGrowsByTheDigestsOnly_AndEveryRunIsInCurvesCsv()
    {
        using var temp = new TempFolder();
        // 40,000 learning rates x 5 seeds, n = 4, 2 epochs: 3 curve rows a run.
        string rates = string.Join(", ", Enumerable.Range(1, Runs / 5).Select(i => (i * 0.000001m).ToString(CultureInfo.InvariantCulture)));
        string config = temp.Write("huge.yaml", $"name: huge\nseeds: [1, 2, 3, 4, 5]\ndatasets:\n  - recipe: beans1\n    n: 4\nmodels: [origin]\nvariants:\n  - sgd: {{ lr: [{rates}] }}\nstop: {{ max_epochs: 2 }}\n");
        var heaps = new SortedDictionary<int, long>();
        var progress = new SynchronousProgress<RunProgress>(p =>
        {
            if (p.Completed is Runs / 4 or Runs)
            {
                lock (heaps)
                {
                    heaps[p.Completed] = GC.GetTotalMemory(forceFullCollection: true);
                }
            }
        });
        var pipeline = new ExperimentPipeline(
            new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, NullLogger<ExperimentPipeline>.Instance, [new ManifestExporter()]);

        var result = pipeline.Run(
            new RunRequest([config], temp.PathOf("reports"), temp.PathOf("out"), 2, null, false), (_, _) => TestRunSets.Environment, ConfigLimits.Default, progress, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        long perRun = (heaps[Runs] - heaps[Runs / 4]) / (Runs * 3 / 4);
        TestContext.Out.WriteLine($"managed heap after forced collections: {string.Join(", ", heaps.Select(h => $"{h.Key} runs {h.Value / 1048576.0:0.0} MB"))}; {perRun} bytes a run");
        Assert.That(perRun, Is.LessThan(BytesPerRun), "the heap grows by the digests of finished runs only");
        Assert.That(CountLines(temp.PathOf("out", CurveTable.FileName)), Is.EqualTo(1 + 3L * Runs));
    }

    /// <summary>What a finished run may keep: its summary row and target hits (about 1 KB), well under the same plus its
    /// curve and formatted rows.</summary>
    private const long BytesPerRun = 1500;

    private static long CountLines(string path)
    {
        using var stream = File.OpenRead(path);
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
