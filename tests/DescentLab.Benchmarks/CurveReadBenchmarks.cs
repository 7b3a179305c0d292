using BenchmarkDotNet.Attributes;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace DescentLab.Benchmarks;

/// <summary>Reading curves.csv back, as <c>report</c>, <c>merge</c>, <c>resume</c> and every plot of curves do: the
/// 20,000 runs of bench/sweep20000.yaml (420,000 rows), each parsed into its curve.</summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(SweepRunsBenchmarks.InOneProcess))]
public class CurveReadBenchmarks
{
    private string _root = null!;
    private string _curves = null!;

    /// <summary>Runs the sweep once into a run folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int workers = 2;
        _root = Directory.CreateTempSubdirectory("descentlab-read-bench-").FullName;
        var folder = RunFolder.CreateExplicit(Path.Combine(_root, "set"));
        SweepRunsBenchmarks.RecordRuns(new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), SweepRunsBenchmarks.PlanSweep(workers), folder, workers);
        _curves = Path.Combine(folder.FullPath, CurveTable.FileName);
    }

    /// <summary>Removes the run folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Every run of the file, in file order.</summary>
    [Benchmark]
    public long ReadRuns()
    {
        long rows = 0;
        foreach (var block in CurveTableReader.ReadRuns(_curves))
        {
            rows += block.Curve.Count;
        }

        return rows;
    }
}
