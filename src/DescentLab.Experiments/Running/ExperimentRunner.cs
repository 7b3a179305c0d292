using System.Diagnostics;
using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.External;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Scheduling;
using Microsoft.Extensions.Logging;

namespace DescentLab.Experiments.Running;

/// <summary>Executes a plan's runs in parallel, starting them in plan order; results land in plan order whatever the
/// thread timing.</summary>
/// <remarks>Parallelism goes across runs, never inside one. A run that throws becomes a failed result and the others go
/// on; cancellation stops every in-flight run at its next epoch and is rethrown.</remarks>
public sealed partial class ExperimentRunner
{
    private readonly ILogger<ExperimentRunner> _logger;

    /// <summary>A runner that logs through <paramref name="logger"/>.</summary>
    public ExperimentRunner(ILogger<ExperimentRunner> logger) => _logger = logger;

    /// <summary>Runs every run of <paramref name="plan"/> with at most <paramref name="parallel"/> at once and keeps each
    /// whole result.</summary>
    /// <param name="plan">The frozen plan.</param>
    /// <param name="parallel">Runs at once.</param>
    /// <param name="progress">Told of every run this call makes (not of <paramref name="finished"/> ones).</param>
    /// <param name="cancellationToken">Stops in-flight runs at their next epoch.</param>
    /// <param name="finished">Results of runs already made (a resumed set), by run id; they are taken, not run again.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires.</exception>
    public IReadOnlyList<RunResult> Run(
        ExperimentPlan plan,
        int parallel,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, RunResult>? finished = null) =>
        Run(plan, parallel, result => result, progress, cancellationToken, finished);

    /// <summary>Runs every run of <paramref name="plan"/> with at most <paramref name="parallel"/> at once, keeping only
    /// what <paramref name="keep"/> makes of each result (so a streamed set need not hold its curves).</summary>
    /// <param name="plan">The frozen plan.</param>
    /// <param name="parallel">Runs at once.</param>
    /// <param name="keep">Called on the run's own thread as soon as it finishes, before progress is told; what it returns
    /// is kept, in plan order.</param>
    /// <param name="progress">Told of every run this call makes (not of <paramref name="finished"/> ones).</param>
    /// <param name="cancellationToken">Stops in-flight runs at their next epoch.</param>
    /// <param name="finished">What was kept of runs already made (a resumed set), by run id; they are taken, not run again.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires.</exception>
    public IReadOnlyList<T> Run<T>(
        ExperimentPlan plan,
        int parallel,
        Func<RunResult, T> keep,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, T>? finished = null)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var runs = plan.Runs;
        var results = new T[runs.Count];
        int completed = 0;
        for (int i = 0; i < runs.Count; i++)
        {
            if (finished is not null && finished.TryGetValue(runs[i].RunId, out var done))
            {
                results[i] = done;
                completed++;
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        var limit = plan.Config.Stop.MaxSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        try
        {
            // Runs start in plan order, one at a time from a shared queue (not in ranges per worker), so a caller that
            // writes results in plan order waits only for the runs in flight.
            OneAtATime.For(runs.Count, options, i =>
            {
                if (results[i] is not null)
                {
                    return;
                }

                var result = limit is { } l ? RunLimited(runs[i], l, cancellationToken) : RunOne(runs[i], cancellationToken);
                results[i] = keep(result);
                progress?.Report(new RunProgress(Interlocked.Increment(ref completed), runs.Count, result));
            });
        }
        finally
        {
            // External processes serving many runs live until the workers have no more runs.
            foreach (var external in runs.Select(r => r.Variant).OfType<ExternalVariant>().Distinct())
            {
                external.EndProcesses();
            }
        }

        return results;
    }

    private RunResult RunOne(RunSpec spec, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object>
        {
            ["RunId"] = spec.RunId,
            ["Dataset"] = spec.Dataset.Key,
            ["Model"] = spec.Model.Name,
            ["Variant"] = spec.Variant.Name,
        });
        long start = Stopwatch.GetTimestamp();
        try
        {
            var training = spec.Model.Train(spec.Variant, spec.Dataset.Data, spec.HyperParameters, spec.Options, cancellationToken);
            double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (training.Status is RunStatus.Diverged or RunStatus.Failed)
            {
                LogRunTroubled(spec.RunId, training.Status, training.Message);
            }
            else
            {
                LogRunFinished(spec.RunId, training.Status, training.Epochs, wallMs);
            }

            return new RunResult(spec, training, training.Status, training.Message, wallMs);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Failures are data: the run is recorded as failed and the batch goes on.
            double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            LogRunFailed(ex, spec.RunId);
            return new RunResult(spec, null, RunStatus.Failed, ex.Message, wallMs);
        }
    }

    /// <summary>Runs with a wall-clock limit (<c>stop.max_seconds</c>): the trainer is cancelled at its next epoch,
    /// an external process is killed, and a rule that never returns is abandoned on its own thread.</summary>
    private RunResult RunLimited(RunSpec spec, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        long start = Stopwatch.GetTimestamp();
        var run = Task.Factory.StartNew(() => RunOne(spec, timeout.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try
        {
            // The grace lets a cooperative run reach its next epoch and report the cancellation itself.
            finished = run.Wait(limit + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            finished = false;
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
        {
            throw ex.InnerException;
        }

        if (finished && !timeout.IsCancellationRequested)
        {
            return run.Result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        string message = string.Create(CultureInfo.InvariantCulture, $"exceeded stop.max_seconds = {limit.TotalSeconds:R} s");
        LogRunTroubled(spec.RunId, RunStatus.Failed, message);
        return new RunResult(spec, null, RunStatus.Failed, message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId} finished: {Status} after {Epochs} epochs in {WallMs:0.0} ms")]
    private partial void LogRunFinished(string runId, RunStatus status, int epochs, double wallMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} {Status}: {Reason}")]
    private partial void LogRunTroubled(string runId, RunStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception exception, string runId);
}
