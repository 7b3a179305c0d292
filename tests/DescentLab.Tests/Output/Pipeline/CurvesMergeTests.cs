using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary>Shards each write their own curves.csv; merged, they give the bytes of one process, whatever models the
/// shards happened to get.</summary>
public sealed class CurvesMergeTests
{
    // Five shards of 7 runs (4 affine, then 3 two-input logistic: closed_form has none): shard 3 gets no logistic run.
    private const string Config = """
        name: mixed
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 12
            models: [affine]
          - recipe: beans5
            n: 12
            models: [{ logistic: { loss: cross_entropy } }]
        variants:
          - closed_form
          - batch: { lr: [0.1, 0.3] }
          - adam: { lr: 0.1 }
        stop: { max_epochs: 3 }
        """;

    [Test]
    public void MergedShards_WriteTheCurvesCsvOfOneProcess_ByteForByte()
    {
        using var temp = new TempFolder();
        string config = temp.Write("mixed.yaml", Config);
        Run(temp, config, "whole", null);
        var shards = Enumerable.Range(1, 5).Select(k => Run(temp, config, $"shard{k}", new ShardSpec(k, 5))).ToList();

        var merged = RunSetMerger.Merge([.. shards.Select(RunSetReader.Read)]);
        RunFolders.Write(merged, temp.PathOf("merged"));

        Assert.That(File.ReadAllText(temp.PathOf("shard3", CurveTable.FileName)), Does.Not.Contain("w1,w2"), "shard 3 has no two-input model");
        Assert.That(File.ReadAllBytes(temp.PathOf("merged", CurveTable.FileName)), Is.EqualTo(File.ReadAllBytes(temp.PathOf("whole", CurveTable.FileName))));
        Assert.That(RunSetReader.Read(temp.PathOf("merged")).Curves.Count, Is.EqualTo(7));
    }

    private static string Run(TempFolder temp, string config, string name, ShardSpec? shard)
    {
        var pipeline = new ExperimentPipeline(
            new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, NullLogger<ExperimentPipeline>.Instance, DefaultExporters.All.Where(e => e is not ReportExporter));
        var result = pipeline.Run(new RunRequest([config], temp.PathOf("reports"), temp.PathOf(name), 2, shard, false), (_, _) => TestRunSets.Environment, ConfigLimits.Default, null, CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        return temp.PathOf(name);
    }
}
