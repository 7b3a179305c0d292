using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary><c>run</c> streams each curve to curves.csv, in plan order, as its run finishes and keeps none in memory:
/// the set's curve source reads the file when asked.</summary>
/// <remarks>Alone on the machine: the lag of the writer thread behind the runs is measured as they are reported.</remarks>
[NonParallelizable]
public sealed class StreamedCurvesTests
{
    private const string Config = """
        name: streamed
        seeds: [1, 2, 3, 4]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - closed_form
          - sgd: { lr: [0.1, 0.01, 0.001] }
        stop: { max_epochs: 6 }
        """;

    // 300 epochs make each run's rows longer than the 4 KB buffer they start in, so it grows while they are formatted.
    [TestCase(6)]
    [TestCase(300)]
    public void Run_CurvesReachTheDiskWhileTheRunsGoOn_Whole(int epochs)
    {
        using var temp = new TempFolder();
        string config = temp.Write("streamed.yaml", Config.Replace("max_epochs: 6", $"max_epochs: {epochs}", StringComparison.Ordinal));
        string folder = temp.PathOf("out");
        string curves = Path.Combine(folder, CurveTable.FileName);
        var lagging = new List<string>();
        var expected = new Dictionary<string, string>();
        var progress = new SynchronousProgress<RunProgress>(p =>
        {
            expected[p.Last.Spec.RunId] = Bits.Of(p.Last.Training!.Curve);

            // With --parallel 1 the writer has at most a window of 4 finished runs waiting and one in hand.
            int written = File.Exists(curves) ? RunIdsIn(curves).Count : 0;
            if (written < p.Completed - 5)
            {
                lagging.Add($"{written} runs in {CurveTable.FileName} when run {p.Completed} was reported");
            }
        });

        var result = Pipeline().Run(
            new RunRequest([config], temp.PathOf("reports"), folder, 1, null, false),
            (_, _) => TestRunSets.Environment,
            ConfigLimits.Default,
            progress,
            CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        Assert.That(expected, Has.Count.EqualTo(16));
        Assert.That(lagging, Is.Empty, "curves are written as the runs finish, not held for the end");
        var read = CurveTableReader.ReadRuns(curves).ToDictionary(b => b.RunId, b => Bits.Of(b.Curve));
        Assert.That(read, Is.EqualTo(expected));
    }

    [Test]
    public void Run_AtParallel1And3_WritesTheSameCurvesCsv_InSummaryOrder()
    {
        using var temp = new TempFolder();
        string config = temp.Write("streamed.yaml", Config);
        foreach (var (name, parallel) in new[] { ("p1", 1), ("p3", 3) })
        {
            var result = Pipeline().Run(
                new RunRequest([config], temp.PathOf("reports"), temp.PathOf(name), parallel, null, false), (_, _) => TestRunSets.Environment, ConfigLimits.Default, null, CancellationToken.None);
            Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        }

        var summaryOrder = File.ReadLines(temp.PathOf("p1", "summary.csv")).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList();
        Assert.That(File.ReadAllBytes(temp.PathOf("p3", CurveTable.FileName)), Is.EqualTo(File.ReadAllBytes(temp.PathOf("p1", CurveTable.FileName))));
        Assert.That(RunIdsIn(temp.PathOf("p1", CurveTable.FileName)), Is.EqualTo(summaryOrder));
    }

    [Test]
    public void CurveTableSource_ReadsTheFileEachTime_AndKeepsOnlyTheHits()
    {
        using var temp = new TempFolder();
        var first = AwkwardRuns.Curve();
        var second = Reversed(first);
        var table = CurveTable.For([AwkwardRuns.Manifest([]).Problems[0] with { OptimumParameters = [new("w", 0), new("b", 0)] }]);
        string path = temp.Write(CurveTable.FileName, table.HeaderLine + table.Rows("r1", first));
        var location = CurveTableReader.ReadRuns(path).Single().Location;
        CurveHit[] ladderHits = CurveHit.Of(first, RuntimeEcdf.DefaultTargets);
        var source = new CurveTableSource(path, table, [("r1", location, ladderHits)], RuntimeEcdf.DefaultTargets);

        Assert.That(source.TryRead("r1", out var read), Is.True);
        Assert.That(Bits.Of(read!), Is.EqualTo(Bits.Of(first)));
        File.WriteAllText(path, table.HeaderLine + table.Rows("r1", second));
        source.TryRead("r1", out var again);

        Assert.Multiple(() =>
        {
            Assert.That(Bits.Of(again!), Is.EqualTo(Bits.Of(second)), "read from the file when asked, not held");
            Assert.That(source.FileOf("r1"), Is.EqualTo(path));
            Assert.That(source.Hits("r1", RuntimeEcdf.DefaultTargets), Is.SameAs(ladderHits), "the ladder's hits come from the digest");
            Assert.That(source.Hits("r1", [1.5]), Is.EqualTo(new[] { new CurveHit(1, 20) }), "other targets read the file (gap NaN, 0.2, 1.4 now)");
            Assert.That(source.Contains("r2"), Is.False);
            Assert.That(source.TryRead("r2", out _), Is.False);
        });
        File.WriteAllText(path, table.HeaderLine + table.Rows("r0", second));
        var error = Assert.Throws<RunFileException>(() => source.TryRead("r1", out _));
        Assert.That(error!.Message, Is.EqualTo($"{path}:2: expected the rows of run 'r1' but found 'r0': the file has changed since it was read"));
    }

    private static ExperimentPipeline Pipeline() => new(
        new ExperimentRunner(NullLogger<ExperimentRunner>.Instance),
        TimeProvider.System,
        NullLogger<ExperimentPipeline>.Instance,
        DefaultExporters.All.Where(e => e is not ReportExporter));

    /// <summary>The run ids of a curves.csv in file order, read while it may be being written.</summary>
    private static List<string> RunIdsIn(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var ids = new List<string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && (ids.Count == 0 || ids[^1] != line[..comma]))
            {
                ids.Add(line[..comma]);
            }
        }

        return ids;
    }

    private static Curve Reversed(Curve curve) => new(
        curve.ParameterNames,
        curve.Epoch,
        curve.Step,
        [.. curve.Loss.Reverse()],
        [.. curve.Gap.Reverse()],
        [.. curve.GradNorm.Reverse()],
        curve.Parameters);
}
