using System.Collections.Concurrent;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Pipeline;

/// <summary>Streams each run of <c>run</c> to disk as it finishes: writer threads write its curve file (atomically,
/// flushed) and then journal it, while the run's thread keeps only a <see cref="StreamedRun"/> digest and goes on.</summary>
/// <remarks>The writers overlap the flushes with the runs. At most <see cref="QueuedPerWriter"/> finished runs per writer
/// wait for them (a finished run waits for room), so memory is bounded by the runs in flight, not by the set. Writers
/// take runs in the order they finished, and the journal record comes after the curve file, so a journaled run always
/// has its curve. A curve that cannot be written (a full disk) is held in memory and the run is not journaled: the curves
/// exporter tries the file again and fails the set cleanly, and a resume reruns the run. A journal record that cannot be
/// written only means the run runs again on resume; after the first failure journaling stops and is reported once.</remarks>
internal sealed class RunRecorder : IDisposable
{
    /// <summary>Finished runs that may wait for each writer.</summary>
    public const int QueuedPerWriter = 4;

    private readonly RunFolder _folder;
    private readonly RunJournal _journal;
    private readonly Action<string, string> _onCurveFailed;
    private readonly Action<string, string> _onJournalFailed;
    private readonly BlockingCollection<RunResult> _queue;
    private readonly Thread[] _writers;
    private readonly ConcurrentDictionary<string, Curve> _held = new(StringComparer.Ordinal);
    private int _curveFailed;
    private int _journalFailed;

    /// <summary>A recorder into <paramref name="folder"/> with <paramref name="writers"/> writer threads.</summary>
    public RunRecorder(RunFolder folder, RunJournal journal, int writers, Action<string, string> onCurveFailed, Action<string, string> onJournalFailed)
    {
        _folder = folder;
        _journal = journal;
        _onCurveFailed = onCurveFailed;
        _onJournalFailed = onJournalFailed;
        _queue = new BlockingCollection<RunResult>(QueuedPerWriter * writers);
        _writers = [.. Enumerable.Range(0, writers).Select(i => new Thread(Drain) { IsBackground = true, Name = $"curve writer {i + 1}" })];
        foreach (var writer in _writers)
        {
            writer.Start();
        }
    }

    /// <summary>Hands a run this process made to the writers (waiting while they are <see cref="QueuedPerWriter"/> behind).</summary>
    public StreamedRun Record(RunResult result)
    {
        _queue.Add(result);
        return Digest(result);
    }

    /// <summary>Keeps a run read back from the journal; its curve file is written again only if it is missing.</summary>
    public StreamedRun Resumed(RunResult result)
    {
        if (result.Training is not null && !File.Exists(_folder.PathOf(CurveCsv.RelativePath(result.Spec.RunId))))
        {
            WriteCurve(result);
        }

        return Digest(result);
    }

    /// <summary>Waits until every handed-over run is written and journaled.</summary>
    public void Finish()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        foreach (var writer in _writers)
        {
            writer.Join();
        }
    }

    /// <summary>The curve of <paramref name="runId"/> if its file could not be written (after <see cref="Finish"/>).</summary>
    public Curve? Held(string runId) => _held.GetValueOrDefault(runId);

    /// <inheritdoc/>
    public void Dispose()
    {
        Finish();
        _queue.Dispose();
    }

    private static StreamedRun Digest(RunResult result) => result.Training is { } training
        ? new StreamedRun(RunSetAssembler.ToRow(result), true, CurveHit.Of(training.Curve, RuntimeEcdf.DefaultTargets))
        : new StreamedRun(RunSetAssembler.ToRow(result), false, []);

    private void Drain()
    {
        foreach (var result in _queue.GetConsumingEnumerable())
        {
            if (result.Training is null || WriteCurve(result))
            {
                Journal(result);
            }
        }
    }

    /// <summary>Writes the curve file; on failure holds the curve instead (false).</summary>
    private bool WriteCurve(RunResult result)
    {
        string runId = result.Spec.RunId;
        var curve = result.Training!.Curve;
        try
        {
            _folder.WriteText(CurveCsv.RelativePath(runId), w => CurveCsv.Write(w, curve));
            return true;
        }
        catch (Exception ex)
        {
            // Failures are data, and a writer thread must not die: whatever the reason, the curve is kept for the exporter.
            _held[runId] = curve;
            if (Interlocked.Exchange(ref _curveFailed, 1) == 0)
            {
                _onCurveFailed(runId, ex.Message);
            }

            return false;
        }
    }

    private void Journal(RunResult result)
    {
        if (Volatile.Read(ref _journalFailed) != 0)
        {
            return;
        }

        try
        {
            _journal.Record(result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _journalFailed, 1) == 0)
            {
                _onJournalFailed(result.Spec.RunId, ex.Message);
            }
        }
    }
}
