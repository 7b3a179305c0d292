using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary><c>run</c> streams each curve to curves/ as its run finishes and keeps none in memory: the set's curve source
/// reads the files when asked.</summary>
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

    [Test]
    public void Run_CurvesReachTheDiskWhileTheRunsGoOn_Whole()
    {
        using var temp = new TempFolder();
        string config = temp.Write("streamed.yaml", Config);
        string folder = temp.PathOf("out");
        string curves = Path.Combine(folder, CurveCsv.FolderName);
        var lagging = new List<string>();
        var expected = new Dictionary<string, string>();
        var progress = new SynchronousProgress<RunProgress>(p =>
        {
            expected[p.Last.Spec.RunId] = Bits.Of(p.Last.Training!.Curve);

            // With --parallel 1 the one writer has at most QueuedPerWriter (4) finished runs waiting and one in hand.
            int written = Directory.Exists(curves) ? Directory.GetFiles(curves, "*.csv").Length : 0;
            if (written < p.Completed - 5)
            {
                lagging.Add($"{written} curve files when run {p.Completed} was reported");
            }
        });
        var pipeline = new ExperimentPipeline(new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, NullLogger<ExperimentPipeline>.Instance);

        var result = pipeline.Run(
            new RunRequest([config], temp.PathOf("reports"), folder, 1, null, false),
            (_, _) => TestRunSets.Environment,
            ConfigLimits.Default,
            progress,
            CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        Assert.That(expected, Has.Count.EqualTo(16));
        Assert.That(lagging, Is.Empty, "curves are written as the runs finish, not held for the end");
        foreach (var (runId, bits) in expected)
        {
            Assert.That(Bits.Of(CurveCsv.Read(Path.Combine(folder, CurveCsv.RelativePath(runId)))), Is.EqualTo(bits), runId);
        }
    }

    [Test]
    public void CurveFiles_ReadTheFileEachTime_AndKeepOnlyTheHits()
    {
        using var temp = new TempFolder();
        var first = AwkwardRuns.Curve();
        var second = Reversed(first);
        string path = temp.PathOf(CurveCsv.RelativePath("r1"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Write(path, first);
        CurveHit[] ladderHits = CurveHit.Of(first, RuntimeEcdf.DefaultTargets);
        var source = CurveFiles.Streamed(temp.FullPath, [("r1", null, ladderHits)], RuntimeEcdf.DefaultTargets);

        Assert.That(source.TryRead("r1", out var read), Is.True);
        Assert.That(Bits.Of(read!), Is.EqualTo(Bits.Of(first)));
        Write(path, second);
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
    }

    [Test]
    public void CurveFiles_HeldCurve_IsNotInTheFolder_SoTheCurvesExporterWritesIt()
    {
        using var temp = new TempFolder();
        var curve = AwkwardRuns.Curve();
        var source = CurveFiles.Streamed(temp.FullPath, [("r1", curve, [])], RuntimeEcdf.DefaultTargets);

        Assert.That(source.FileOf("r1"), Is.Null);
        Assert.That(source.TryRead("r1", out var held), Is.True);
        Assert.That(held, Is.SameAs(curve));
    }

    private static void Write(string path, Curve curve) => AtomicFile.WriteText(path, w => CurveCsv.Write(w, curve));

    private static Curve Reversed(Curve curve) => new(
        curve.ParameterNames,
        curve.Epoch,
        curve.Step,
        [.. curve.Loss.Reverse()],
        [.. curve.Gap.Reverse()],
        [.. curve.GradNorm.Reverse()],
        curve.Parameters);
}
