using System.Diagnostics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Baselines;
using DescentLab.Output.Ci;
using DescentLab.Output.Exporters;
using DescentLab.Output.Files;
using DescentLab.Output.History;
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

    /// <summary>A pipeline over <paramref name="runner"/>.</summary>
    public ExperimentPipeline(ExperimentRunner runner, TimeProvider time, ILogger<ExperimentPipeline> logger)
    {
        _runner = runner;
        _time = time;
        _logger = logger;
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
        var loaded = request.ConfigPaths.Select(path => (Path: path, Result: ConfigLoader.Load(path, limits))).ToList();
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
            folders.Add(prepared.Folder!.FullPath);
            var configPublished = RunConfig(prepared.Plan!, environment(config, path), prepared.Folder, history, request, progress, cancellationToken);
            published.Add(configPublished.Set);
            outcome = (PipelineOutcome)Math.Max((int)outcome, (int)configPublished.Outcome);
        }

        if (!WriteJunit(request.Ci.JunitPath, published))
        {
            outcome = (PipelineOutcome)Math.Max((int)outcome, (int)PipelineOutcome.Failure);
        }

        return new PipelineResult(outcome, [], folders);
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

    /// <summary>Compares with the baseline, records history, writes every exporter's files for <paramref name="set"/>, moves
    /// <c>latest</c>, appends the CI step summary and logs the counts as the last line (used by <c>run</c> and <c>merge</c>).
    /// A missing (when the gate must fail) or unreadable baseline does not stop the export; it becomes the outcome.</summary>
    /// <param name="set">The run set.</param>
    /// <param name="folder">Its run folder.</param>
    /// <param name="history">History, or null for a shard.</param>
    /// <param name="regression">The config's regression block, or null.</param>
    /// <param name="failOnRegression"><c>--fail-on-regression</c>: fail even when the config does not ask to.</param>
    /// <param name="ci">CI files; only the step summary is written here (JUnit covers all configs: <see cref="WriteJunit"/>).</param>
    public Published Publish(RunSet set, RunFolder folder, HistoryStore? history, RegressionConfig? regression, bool failOnRegression, CiOutputs ci)
    {
        bool mustFail = failOnRegression || regression?.Fail == true;
        string? baselineError = null;
        if (history is not null)
        {
            if (regression is not null)
            {
                set = set with { Regression = Compare(set, history, regression, folder.FullPath, mustFail, out baselineError) };
            }

            history.Record(set, folder.FullPath);
            set = set with { Trend = history.Trend(set.Manifest.Name) };
        }
        else if (regression is not null && regression.Baseline != RegressionConfig.Previous)
        {
            set = set with { Regression = Compare(set, null, regression, folder.FullPath, mustFail, out baselineError) };
        }

        // A changed config is said before anything else the comparison found.
        if (set.Regression?.ConfigChange is { } change)
        {
            LogConfigChanged(set.Manifest.Name, change);
        }

        foreach (var exporter in DefaultExporters.All)
        {
            long start = Stopwatch.GetTimestamp();
            var files = exporter.Export(set, folder);
            LogExported(exporter.Name, files.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        folder.PromoteToLatest();
        foreach (var comparison in set.Regression?.SettingRegressions ?? [])
        {
            LogRegression(comparison.Setting, comparison.Describe());
        }

        bool ciFailed = false;
        if (ci.StepSummaryPath is { } stepSummary)
        {
            try
            {
                StepSummary.Append(stepSummary, set);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogCiFileFailed(stepSummary, ex.Message);
                ciFailed = true;
            }
        }

        var counts = GateCounts.From(set);
        LogFinished(set.Manifest.Name, counts.ToString(), folder.FullPath);
        var outcome = baselineError is not null ? PipelineOutcome.BadInput
            : counts.Failed > 0 || ciFailed ? PipelineOutcome.Failure
            : counts.Regressions > 0 && mustFail ? PipelineOutcome.Regression
            : PipelineOutcome.Success;
        return new Published(set, baselineError, outcome);
    }

    /// <summary>Everything that can fail on bad input happens here, before any run starts and before anything is written
    /// but the claimed folder: plan (reading dataset files), open history (a corrupt file is refused), claim the folder.</summary>
    private Prepared Prepare(ExperimentConfig config, RunRequest request, string? outDir)
    {
        ExperimentPlan plan;
        try
        {
            plan = Planner.Create(config, request.Shard, d => DatasetFileReader.Read(d.FullPath!, d.File!));
        }
        catch (DatasetFileException ex)
        {
            return new Prepared(null, null, null, ex.Message);
        }

        HistoryStore? history = null;
        try
        {
            // Shards leave history, baselines and latest to merge.
            history = request.Shard is null ? HistoryStore.OpenInReportsRoot(request.ReportsRoot) : null;
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
        IReadOnlyList<RunResult> results;
        long runStart = Stopwatch.GetTimestamp();
        try
        {
            results = _runner.Run(plan, request.Parallel, progress, cancellationToken);
            LogRan(config.Name, results.Count, Stopwatch.GetElapsedTime(runStart).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            folder.MarkIncomplete("cancelled before every run finished; nothing here is a complete run set");
            LogIncomplete(config.Name, folder.FullPath);
            throw;
        }

        return Publish(
            RunSetAssembler.Assemble(plan, results, environment, started, _time.GetUtcNow(), complete: true),
            folder,
            history,
            request.Shard is null ? config.Regression : null,
            request.FailOnRegression,
            request.Ci);
    }

    private RegressionReport Compare(RunSet set, HistoryStore? history, RegressionConfig regression, string runDir, bool mustFail, out string? error)
    {
        error = null;
        string configHash = set.Manifest.ConfigHash;
        if (regression.Baseline == RegressionConfig.Previous)
        {
            var previous = history!.LatestComplete(set.Manifest.Name, null);
            if (previous is null)
            {
                const string First = "No earlier run set to compare with; this one is the baseline for the next.";
                LogFirstRunSet(set.Manifest.Name, First);
                return RegressionReport.Skipped(RegressionConfig.Previous, First);
            }

            return RegressionComparer.Compare(previous.Rows, set.Rows, regression, previous.Source) with
            {
                BaselineConfigHash = previous.ConfigHash,
                ConfigHash = configHash,
            };
        }

        string create = BaselineStore.AcceptCommand(runDir, regression.Baseline);
        if (!File.Exists(regression.Baseline))
        {
            string reason = $"the baseline {regression.Baseline} does not exist, so nothing was compared; make this run the baseline with: {create}";
            if (mustFail)
            {
                error = reason;
                LogBaselineUnreadable(set.Manifest.Name, reason);
            }
            else
            {
                LogNoBaseline(set.Manifest.Name, reason);
            }

            return RegressionReport.Skipped(regression.Baseline, Capitalized(reason));
        }

        try
        {
            return RegressionComparer.Compare(BaselineStore.Load(regression.Baseline), set.Rows, regression, regression.Baseline) with
            {
                BaselineConfigHash = BaselineStore.ConfigHashOf(regression.Baseline),
                ConfigHash = configHash,
            };
        }
        catch (RunFileException ex)
        {
            error = $"the baseline cannot be read, so no regression check was made: {ex.Message}; replace it with: {create}";
            LogBaselineUnreadable(set.Manifest.Name, error);
            return RegressionReport.Skipped(regression.Baseline, Capitalized(error));
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record Prepared(ExperimentPlan? Plan, HistoryStore? History, RunFolder? Folder, string? Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: planned {Runs} runs (of {TotalRuns} in the matrix) into {Folder}")]
    private partial void LogPlanned(string config, int runs, int totalRuns, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: {Counts}; report in {Folder}")]
    private partial void LogFinished(string config, string counts, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Config}: {Runs} runs took {ElapsedMs:0} ms")]
    private partial void LogRan(string config, int runs, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exporter {Exporter} wrote {Files} files in {ElapsedMs:0} ms")]
    private partial void LogExported(string exporter, int files, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Regression in {Setting}: {Comparison}")]
    private partial void LogRegression(string setting, string comparison);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: {Change}")]
    private partial void LogConfigChanged(string config, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: {Message}")]
    private partial void LogFirstRunSet(string config, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write {Path}: {Reason}")]
    private partial void LogCiFileFailed(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: no regression check: {Reason}")]
    private partial void LogNoBaseline(string config, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config}: {Reason}")]
    private partial void LogBaselineUnreadable(string config, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: cancelled; {Folder} is marked incomplete and latest was not moved")]
    private partial void LogIncomplete(string config, string folder);
}
