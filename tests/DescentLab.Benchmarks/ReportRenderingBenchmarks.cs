using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using Microsoft.Extensions.Logging.Abstractions;

namespace DescentLab.Benchmarks;

/// <summary>Every plot, report.md and report.html of configs/nightly.yaml (525 runs, 24 images) rendered into a temporary
/// folder with 2 images at once, as the report exporter does on the 2-core build machine (target ≤ 1.5 s).</summary>
/// <remarks>The run set is trained once in the global setup; only the rendering is timed. Each invocation takes about
/// a second, so the job runs 10 single-invocation iterations after 2 warm-ups instead of <see cref="QuickConfig"/>'s.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, id: "Report")]
public class ReportRenderingBenchmarks
{
    private RunSet _set = null!;
    private string _folder = null!;

    /// <summary>Trains the nightly run set and configures the plot font, as the host does at start-up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (PlotFonts.Configure() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        string config = Path.Combine(BenchData.RepoRoot(), "configs", "nightly.yaml");
        var loaded = ConfigLoader.Load(config, ConfigLimits.Default, ReportSections.Names).Config
            ?? throw new InvalidOperationException("configs/nightly.yaml does not load");
        var plan = Planner.Create(loaded, null, d => DatasetFileReader.Read(d.FullPath!, d.File!));
        var environment = new RunEnvironment(
            "configs/nightly.yaml",
            ResolvedConfig.From(loaded),
            "descentlab run configs/nightly.yaml",
            null,
            new Dictionary<string, string>(),
            new MachineInfo("bench", "bench", 2, "X64"),
            2);
        var results = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, 2, null, CancellationToken.None);
        var now = DateTimeOffset.UnixEpoch;
        _set = RunSetAssembler.Assemble(plan, results, environment, now, now, complete: true);
        _folder = Directory.CreateTempSubdirectory("descentlab-report-bench-").FullName;
    }

    /// <summary>Removes the temporary folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Plots, report.md and report.html of the nightly run set, 2 images at once.</summary>
    [Benchmark]
    public int RenderNightlyReport() => ReportRenderer.Render(_set, _folder, 2).Written.Count;
}
