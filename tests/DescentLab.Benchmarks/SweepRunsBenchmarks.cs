using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Files;
using DescentLab.Output.Pipeline;
using DescentLab.Output.Report;
using Microsoft.Extensions.Logging.Abstractions;

namespace DescentLab.Benchmarks;

/// <summary>bench/sweep20000.yaml's runs stage (20,000 SGD runs, n = 100, 20 epochs, 2 workers) against its arithmetic,
/// both in this one process (target: the runs stage within 2x the arithmetic).</summary>
/// <remarks>The baseline runs every planned run and drops its result: the trainers' arithmetic with the runner around it
/// and nothing recorded. The other benchmark is what <c>run</c> times as its <c>runs</c> stage: the same runs, each
/// formatted into curves.csv and journaled in plan order by the recorder, in a fresh run folder per invocation.
/// Invocations take a second or more, so each is one iteration.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(InOneProcess))]
public class SweepRunsBenchmarks
{
    private const int Workers = 2;
    private static readonly object Dropped = new();
    private readonly ExperimentRunner _runner = new(NullLogger<ExperimentRunner>.Instance);
    private ExperimentPlan _plan = null!;
    private string _root = null!;
    private int _folders;

    /// <summary>Plans the sweep once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _plan = PlanSweep(Workers);
        _root = Directory.CreateTempSubdirectory("descentlab-sweep-bench-").FullName;
    }

    /// <summary>Removes the run folders.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Every run, its result dropped.</summary>
    [Benchmark(Baseline = true)]
    public int Arithmetic() => _runner.Run(_plan, Workers, _ => Dropped, null, CancellationToken.None).Count;

    /// <summary>Every run, its curve streamed to curves.csv and journaled, as the <c>runs</c> stage of <c>run</c>.</summary>
    [Benchmark]
    public int RunsStage() => RecordRuns(_runner, _plan, RunFolder.CreateExplicit(Path.Combine(_root, "set" + _folders++)), Workers);

    /// <summary>The plan of bench/sweep20000.yaml for <paramref name="workers"/> workers.</summary>
    internal static ExperimentPlan PlanSweep(int workers)
    {
        string config = Path.Combine(BenchData.RepoRoot(), "bench", "sweep20000.yaml");
        var loaded = ConfigLoader.Load(config, ConfigLimits.Default, ReportSections.Names).Config
            ?? throw new InvalidOperationException("bench/sweep20000.yaml does not load");
        return Planner.Create(loaded, null, d => DatasetFileReader.Read(d.FullPath!, d.File!), workers);
    }

    /// <summary>Runs <paramref name="plan"/> into <paramref name="folder"/> as <c>run</c>'s runs stage does: curves.csv and
    /// the journal, in plan order.</summary>
    /// <returns>The number of runs.</returns>
    /// <exception cref="IOException">A run could not be recorded.</exception>
    internal static int RecordRuns(ExperimentRunner runner, ExperimentPlan plan, RunFolder folder, int workers)
    {
        string? failure = null;
        int runs;
        using (var recorder = new RunRecorder(folder, new RunJournal(folder), plan, workers, Failed, Failed, CancellationToken.None))
        {
            runs = runner.Run(plan, workers, recorder.Record, null, CancellationToken.None).Count;
            recorder.Finish();
        }

        return failure is null ? runs : throw new IOException(failure);

        // Told on the recorder's writer thread; the benchmark fails after the stage, as run does.
        void Failed(string run, string why) => failure ??= $"run {run}: {why}";
    }

    /// <summary>Both benchmarks in this process (not one child process each), one invocation per iteration.</summary>
    public sealed class InOneProcess : ManualConfig
    {
        /// <summary>The job.</summary>
        public InOneProcess() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Sweep"));
    }
}
