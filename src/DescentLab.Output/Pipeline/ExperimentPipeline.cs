using System.Diagnostics;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Experiments.Timing;
using DescentLab.Output.Ci;
using DescentLab.Output.Course;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Report;
using Microsoft.Extensions.Logging;

namespace DescentLab.Output.Pipeline;

/// <summary>load → validate → plan → run → analyse → export, for each config of a <c>run</c> (BenchmarkDotNet's pipeline).</summary>
/// <remarks>Every config is validated before anything runs or is written. The run folder is claimed, and history opened,
/// before the first run, so an unwritable folder or a corrupt history.db fails fast. A cancelled set is marked
/// incomplete and <c>latest</c> stays where it was. Shards write their folder only; <c>merge</c> records and compares.</remarks>
public sealed partial class ExperimentPipeline
{
    private readonly ExperimentRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<ExperimentPipeline> _logger;
    private readonly IReadOnlyList<IExporter> _exporters;
    private readonly HistoryOptions _history;

    /// <summary>A pipeline over <paramref name="runner"/> that writes <see cref="DefaultExporters.All"/>.</summary>
    public ExperimentPipeline(ExperimentRunner runner, TimeProvider time, ILogger<ExperimentPipeline> logger)
        : this(runner, time, logger, DefaultExporters.All)
    {
    }

    /// <summary>A pipeline over <paramref name="runner"/> that writes <paramref name="exporters"/> (registered through
    /// <see cref="OutputServiceCollectionExtensions.AddDescentLabOutput"/>) in their order, except that an exporter that
    /// marks the folder complete (<see cref="IExporter.MarksComplete"/>) always runs after the others.</summary>
    /// <exception cref="ArgumentException">No exporter was given: nothing would be written.</exception>
    public ExperimentPipeline(ExperimentRunner runner, TimeProvider time, ILogger<ExperimentPipeline> logger, IEnumerable<IExporter> exporters)
        : this(runner, time, logger, exporters, HistoryOptions.Default)
    {
    }

    /// <summary>As <see cref="ExperimentPipeline(ExperimentRunner, TimeProvider, ILogger{ExperimentPipeline}, IEnumerable{IExporter})"/>,
    /// recording in the history <paramref name="history"/> names (registered by the host from its settings).</summary>
    public ExperimentPipeline(ExperimentRunner runner, TimeProvider time, ILogger<ExperimentPipeline> logger, IEnumerable<IExporter> exporters, HistoryOptions history)
    {
        _history = history;
        _runner = runner;
        _time = time;
        _logger = logger;
        var list = exporters.ToList();
        _exporters = list.Count > 0
            ? [.. list.Where(e => !e.MarksComplete), .. list.Where(e => e.MarksComplete)]
            : throw new ArgumentException("A pipeline needs at least one exporter, or a run set would write nothing.", nameof(exporters));
    }

    /// <summary>Runs every config of <paramref name="request"/>.</summary>
    /// <param name="request">Configs and options.</param>
    /// <param name="environment">Builds the manifest's environment for a config and its path as given.</param>
    /// <param name="limits">Size limits for configs.</param>
    /// <param name="progress">Progress of each run set.</param>
    /// <param name="cancellationToken">Cancels in-flight runs; the set is marked incomplete and the exception rethrown.</param>
    public PipelineResult Run(
        RunRequest request,
        Func<ExperimentConfig, string, RunEnvironment> environment,
        ConfigLimits limits,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        long loadStart = Stopwatch.GetTimestamp();
        var paths = ConfigPaths.Expand(request.ConfigPaths, out var folderErrors);
        if (folderErrors.Count > 0)
        {
            return new PipelineResult(PipelineOutcome.BadInput, [.. folderErrors], []);
        }

        var loaded = paths.Select(path => (Path: path, Result: ConfigLoader.Load(path, limits, ReportSections.Names, request.Overrides))).ToList();
        StageTimings.Record("config load + validate", loadStart);
        var errors = loaded.SelectMany(l => l.Result.Errors).Select(e => e.ToString()).ToList();
        if (errors.Count > 0)
        {
            return new PipelineResult(PipelineOutcome.BadInput, errors, []);
        }

        if (request.OutDir is not null && loaded.Count > 1)
        {
            var clash = loaded.GroupBy(l => l.Result.Config!.Name).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                return new PipelineResult(
                    PipelineOutcome.BadInput,
                    [$"--out {request.OutDir} gives each config the subfolder of its name, but {string.Join(" and ", clash.Select(c => c.Path))} are both named '{clash.Key}'"],
                    []);
            }
        }

        var outcome = PipelineOutcome.Success;
        var folders = new List<string>();
        var published = new List<RunSet>();
        var failures = new List<string>();
        var lessons = new List<CourseLesson?>();
        foreach (var (path, result) in loaded)
        {
            var config = result.Config!;
            string? outDir = request.OutDir is null ? null : loaded.Count > 1 ? Path.Combine(request.OutDir, config.Name) : request.OutDir;
            var prepared = Prepare(config, request, outDir);
            if (prepared.Error is { } error)
            {
                prepared.History?.Dispose();
                return new PipelineResult(PipelineOutcome.BadInput, [error], folders);
            }

            using var history = prepared.History;
            var folder = prepared.Folder!;
            folders.Add(folder.FullPath);
            lessons.Add(CourseLesson.Of(config, folder.FullPath));
            var configOutcome = RunWritten(config.Name, folder, failures, () =>
            {
                var runEnvironment = environment(config, path);
                new ResumeRequest(
                    path, config.SourcePath, config.SourceHash, request.Shard?.ToString(), request.FailOnRegression, request.ReportsRoot, folder.LatestLink,
                    runEnvironment.Command, runEnvironment.DataFileMaxSamples, VariantCode.Of(runEnvironment.ResolvedConfig.Variants),
                    request.Ci.JunitPath is { } junit ? Path.GetFullPath(junit) : null, request.Ci.StepSummaryPath, config.Overrides.Count > 0 ? config.Overrides : null).Write(folder);
                var configPublished = RunConfig(prepared.Plan!, runEnvironment, folder, history, request, progress, cancellationToken);
                published.Add(configPublished.Set);
                failures.AddRange(configPublished.Errors.Select(e => $"{config.Name}: {e}"));
                return configPublished.Outcome;
            });
            outcome = RunSetOutcome.Worst(outcome, configOutcome);
        }

        // Shards leave the course page to merge, like history and latest.
        if (request.Shard is null && !WriteCourse(CourseLesson.Course(lessons), Path.Combine(request.OutDir ?? request.ReportsRoot, CourseIndex.Folder), failures))
        {
            outcome = RunSetOutcome.Worst(outcome, PipelineOutcome.Failure);
        }

        if (!WriteJunit(request.Ci.JunitPath, published))
        {
            outcome = RunSetOutcome.Worst(outcome, PipelineOutcome.Failure);
        }

        return new PipelineResult(outcome, failures, folders);
    }

    /// <summary>Runs <paramref name="body"/>; a write that fails (a full disk, a read-only folder, history.db) becomes a
    /// failure with a clean message, the folder stays marked incomplete, and the next config still runs.</summary>
    private PipelineOutcome RunWritten(string configName, RunFolder folder, List<string> failures, Func<PipelineOutcome> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HistoryException or OutputFolderException)
        {
            string error = $"{configName}: writing {folder.FullPath} failed: {ex.Message}";
            LogWriteFailed(configName, folder.FullPath, ex.Message);
            failures.Add(error);
            folder.TryMarkIncomplete($"writing failed ({ex.Message}); finish it with: descentlab run --resume {folder.FullPath}");

            return PipelineOutcome.Failure;
        }
    }

    /// <summary>Writes the course page of <paramref name="course"/> (nothing when the run is no course); false, with the
    /// failure added, when it could not be written.</summary>
    private bool WriteCourse(IReadOnlyList<CourseLesson> course, string folder, List<string> failures)
    {
        if (course.Count == 0)
        {
            return true;
        }

        try
        {
            LogCourseWritten(course.Count, CourseIndex.Write(course, folder));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SixLabors.ImageSharp.ImageFormatException)
        {
            failures.Add($"writing the course page in {folder} failed: {ex.Message}");
            return false;
        }
    }

    /// <summary>Writes the JUnit XML of <paramref name="sets"/> (one testsuite per config name) when
    /// <paramref name="path"/> is given; false when it could not be written (logged).</summary>
    public bool WriteJunit(string? path, IReadOnlyList<RunSet> sets)
    {
        if (path is null)
        {
            return true;
        }

        try
        {
            JunitReport.Write(path, [.. sets.Select(s => (s.Manifest.Name, s))]);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCiFileFailed(path, ex.Message);
            return false;
        }
    }

    /// <summary>Everything that can fail on bad input happens here, before any run starts and before anything is written
    /// but the claimed folder: plan (reading dataset files), open history (a corrupt file is refused), claim the folder.</summary>
    private Prepared Prepare(ExperimentConfig config, RunRequest request, string? outDir)
    {
        ExperimentPlan plan;
        try
        {
            plan = Planner.Create(config, request.Shard, d => DatasetFileReader.Read(d.FullPath!, d.File!), request.Parallel);
        }
        catch (DatasetFileException ex)
        {
            return new Prepared(null, null, null, ex.Message);
        }

        HistoryStore? history = null;
        long historyStart = Stopwatch.GetTimestamp();
        try
        {
            // Shards leave history, baselines and latest to merge.
            history = request.Shard is null ? _history.Open(request.ReportsRoot) : null;
            StageTimings.Record(HistoryOpenStage, historyStart);
            var folder = outDir is null
                ? RunFolder.CreateUnderReports(request.ReportsRoot, config.Name, _time.GetUtcNow())
                : RunFolder.CreateExplicit(outDir);
            return new Prepared(plan, history, folder, null);
        }
        catch (Exception ex) when (ex is HistoryException or OutputFolderException)
        {
            return new Prepared(null, history, null, ex.Message);
        }
    }

    private Published RunConfig(
        ExperimentPlan plan,
        RunEnvironment environment,
        RunFolder folder,
        HistoryStore? history,
        RunRequest request,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var config = plan.Config;
        var started = _time.GetUtcNow();
        LogPlanned(config.Name, plan.Runs.Count, plan.TotalRuns, folder.FullPath);
        IReadOnlyList<StreamedRun> runs;
        long runStart = Stopwatch.GetTimestamp();
        var journal = new RunJournal(folder);
        using var recorder = new RunRecorder(folder, journal, plan, request.Parallel, LogCurveFailed, LogJournalFailed, cancellationToken);
        var finished = journal.Finished(plan, recorder.Resumed);
        if (finished.Count > 0)
        {
            LogResuming(config.Name, finished.Count, plan.Runs.Count);
        }

        try
        {
            // Each curve goes to curves.csv as its run finishes (in plan order); the set keeps summary rows and target hits, not curves.
            runs = _runner.Run(plan, request.Parallel, recorder.Record, progress, cancellationToken, finished);
            if (plan.Tuning is not null)
            {
                (plan, runs) = RunEvaluation(plan, runs, journal, recorder, request.Parallel, progress, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            recorder.Finish();
            folder.TryMarkIncomplete($"cancelled before every run finished; finish it with: descentlab run --resume {folder.FullPath}");
            LogIncomplete(config.Name, folder.FullPath);
            throw;
        }

        recorder.Finish();
        StageTimings.Record("runs", runStart);
        LogRan(config.Name, runs.Count, Stopwatch.GetElapsedTime(runStart).TotalMilliseconds, HeapMb());
        if (recorder.Failure is { } failure)
        {
            // The runs after the failed write are neither in curves.csv nor journaled: a resume reruns them.
            throw new IOException($"{CurveTable.FileName} could not be written: {failure}");
        }

        var curves = recorder.Source(runs);
        return Publish(
            RunSetAssembler.Assemble(plan, [.. runs.Select(r => r.Row)], curves, environment, started, _time.GetUtcNow(), complete: true),
            folder,
            history,
            request.Shard is null ? config.Regression : null,
            request.FailOnRegression,
            request.Ci);
    }

    private sealed record Prepared(ExperimentPlan? Plan, HistoryStore? History, RunFolder? Folder, string? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: planned {Runs} runs (of {TotalRuns} in the matrix) into {Folder}")]
    private partial void LogPlanned(string config, int runs, int totalRuns, string folder);

    // The managed heap (without forcing a collection) says what a set holds after its runs: summary rows and target hits
    // once curves stream to disk.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Config}: {Runs} runs took {ElapsedMs:0} ms; managed heap {HeapMb:0} MB")]
    private partial void LogRan(string config, int runs, double elapsedMs, double heapMb);

    private static double HeapMb() => GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write {Path}: {Reason}")]
    private partial void LogCiFileFailed(string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config}: writing {Folder} failed: {Reason}; it stays marked incomplete")]
    private partial void LogWriteFailed(string config, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} finished but its rows could not be written to curves.csv ({Reason}); the runs go on, but from this one on none is written or journaled, and the set will fail")]
    private partial void LogCurveFailed(string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} finished but its journal record could not be written ({Reason}); journaling stops, a resume reruns the runs not journaled")]
    private partial void LogJournalFailed(string runId, string reason);
}
