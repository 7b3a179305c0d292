using System.Collections.Concurrent;
using System.Text;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Pipeline;

/// <summary>Streams the runs of <c>run</c> to disk in plan order as they finish: a writer thread appends each run's rows
/// to curves.csv and then journals it, while the run's thread keeps only a <see cref="StreamedRun"/> digest and goes on.</summary>
/// <remarks>Runs start in plan order but finish in any order. A finished run waits in a window of
/// <see cref="WindowPerWorker"/> runs per worker until the runs before it are written (a run too far ahead waits for
/// room), so curves.csv is the same bytes at any --parallel and memory is bounded by the window, not by the set. Rows
/// are formatted on the run's thread. A run's journal record follows its rows (handed to the operating system first) and
/// records come in plan order, so the journal always holds a prefix of the plan whose rows are all in curves.csv: a
/// resume writes curves.csv again from that prefix (<see cref="Resumed"/>) and goes on. A write to curves.csv that fails
/// (a full disk) stops writing and journaling: the runs go on, <see cref="Failure"/> says why, and a resume reruns the
/// runs not journaled. A journal record that cannot be written only means the run runs again on resume; after the first
/// failure journaling stops and is reported once.</remarks>
internal sealed class RunRecorder : IDisposable
{
    /// <summary>Finished runs that may wait per worker for the runs before them.</summary>
    public const int WindowPerWorker = 4;

    private readonly string _path;
    private readonly CurveTable _table;
    private readonly RunJournal _journal;
    private readonly Action<string, string> _onCurveFailed;
    private readonly Action<string, string> _onJournalFailed;
    private readonly object _gate = new();
    private readonly Pending?[] _window;
    private readonly ConcurrentDictionary<int, int> _positions = new();
    private readonly ConcurrentDictionary<int, CurveLocation> _locations = new();
    private readonly List<CurveTableSource> _sources = [];
    private readonly Thread _writer;
    private readonly CancellationTokenRegistration _cancelled;
    private readonly CancellationToken _cancellation;
    private FileStream? _file;
    private long _line = 1;
    private int _next;
    private int _resumed;
    private bool _finishing;
    private bool _journalFailed;

    /// <summary>A recorder of <paramref name="plan"/>'s runs into <paramref name="folder"/>'s curves.csv, which it starts
    /// afresh, with a window for <paramref name="workers"/> workers.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="journal">Its journal.</param>
    /// <param name="plan">The plan whose runs are recorded.</param>
    /// <param name="workers">Runs at once.</param>
    /// <param name="onCurveFailed">Told once, of the run whose rows could not be written and why.</param>
    /// <param name="onJournalFailed">Told once, of the run whose record could not be written and why.</param>
    /// <param name="cancellation">Ends the wait of a run too far ahead (the set is being cancelled).</param>
    public RunRecorder(
        RunFolder folder,
        RunJournal journal,
        ExperimentPlan plan,
        int workers,
        Action<string, string> onCurveFailed,
        Action<string, string> onJournalFailed,
        CancellationToken cancellation)
    {
        _path = folder.PathOf(CurveTable.FileName);
        _table = CurveTable.For(plan.Problems);
        _journal = journal;
        Extend(plan);

        _onCurveFailed = onCurveFailed;
        _onJournalFailed = onJournalFailed;
        _window = new Pending?[WindowPerWorker * Math.Max(1, workers)];
        _cancellation = cancellation;
        _cancelled = cancellation.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        _writer = new Thread(Drain) { IsBackground = true, Name = "curves writer" };
        _writer.Start();
    }

    /// <summary>Why curves.csv could not be written, or null (after <see cref="Finish"/>).</summary>
    public string? Failure { get; private set; }

    /// <summary>Hands a run this process made to the writer (waiting while it is too far ahead of the runs not yet written).</summary>
    /// <exception cref="OperationCanceledException">The set was cancelled while the run waited.</exception>
    public StreamedRun Record(RunResult result)
    {
        Enqueue(result, journal: true);
        return Digest(result);
    }

    /// <summary>Keeps a run read back from the journal, whose rows are written again in its place.</summary>
    /// <exception cref="OutputFolderException">The journal's runs are not the plan's first runs in order.</exception>
    public StreamedRun Resumed(RunResult result)
    {
        if (Position(result.Spec) != _resumed++)
        {
            throw new OutputFolderException(Path.GetDirectoryName(_path)!, $"the journal's runs are not the first runs of the plan in order (run {result.Spec.RunId}); run the config again without --resume");
        }

        Enqueue(result, journal: false);
        return Digest(result);
    }

    /// <summary>Waits until every run handed over in plan order is written and journaled (a run whose predecessor never
    /// came, in a cancelled set, is dropped and runs again on resume), and closes curves.csv.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _finishing = true;
            Monitor.PulseAll(_gate);
        }

        _writer.Join();
        _journal.Close();
        if (Failure is null && Open(null))
        {
            try
            {
                _file!.Flush(flushToDisk: true);
            }
            catch (IOException ex)
            {
                Failure = ex.Message;
            }
        }

        _file?.Dispose();
    }

    /// <summary>Places <paramref name="more"/>'s runs after those already planned, in its order (a tuned set's evaluation
    /// runs, planned once its trials have run, follow every trial).</summary>
    public void Extend(ExperimentPlan more)
    {
        // ConcurrentDictionary.Count takes every lock (up to 1,024 in a big table): counted once, not per run.
        int position = _positions.Count;
        foreach (var run in more.Runs)
        {
            if (!_positions.TryAdd(run.Index, position++))
            {
                throw new InvalidOperationException($"Run {run.RunId} is planned twice; curves.csv could not keep plan order.");
            }
        }
    }

    /// <summary>The curves of <paramref name="runs"/> (the digests of every planned run, in plan order) in curves.csv,
    /// readable until this recorder is disposed.</summary>
    public CurveTableSource Source(IReadOnlyList<StreamedRun> runs)
    {
        var source = new CurveTableSource(_path, _table, runs.Select((r, i) => (r.Row.RunId, _locations.GetValueOrDefault(i), r.Hits)).Where((_, i) => runs[i].HasCurve), RuntimeEcdf.DefaultTargets);
        _sources.Add(source);
        return source;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_writer.IsAlive)
        {
            Finish();
        }

        _cancelled.Dispose();
        _file?.Dispose();
        foreach (var source in _sources)
        {
            source.Dispose();
        }
    }

    private static StreamedRun Digest(RunResult result) => result.Training is { } training
        ? new StreamedRun(RunSetAssembler.ToRow(result), true, CurveHit.Of(training.Curve, RuntimeEcdf.DefaultTargets))
        : new StreamedRun(RunSetAssembler.ToRow(result), false, []);

    /// <summary>The run's place among the planned runs, in the plan's order.</summary>
    private int Position(RunSpec spec) => _positions[spec.Index];

    private void Enqueue(RunResult result, bool journal)
    {
        int position = Position(result.Spec);
        RentedBytes? rows = null;
        if (result.Training is { } training)
        {
            // A sweep's short curves fit in 4 KB; a longer curve doubles the buffer as it goes (a pooled array each time).
            rows = new RentedBytes(4096);
            _table.WriteRows(result.Spec.RunId, training.Curve, rows);
        }

        lock (_gate)
        {
            while (position >= _next + _window.Length)
            {
                _cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }

            _window[position % _window.Length] = new Pending(position, result, rows, journal);
            Monitor.PulseAll(_gate);
        }
    }

    private void Drain()
    {
        var batch = new List<Pending>(_window.Length);
        while (true)
        {
            batch.Clear();
            lock (_gate)
            {
                while (_window[_next % _window.Length] is null && !_finishing)
                {
                    Monitor.Wait(_gate);
                }

                while (_window[_next % _window.Length] is { } pending)
                {
                    batch.Add(pending);
                    _window[_next++ % _window.Length] = null;
                }

                if (batch.Count == 0)
                {
                    return;
                }

                Monitor.PulseAll(_gate);
            }

            Write(batch);
        }
    }

    /// <summary>Appends the rows of a run of consecutive positions, hands them to the operating system, then journals
    /// the runs whose rows made it.</summary>
    private void Write(List<Pending> batch)
    {
        int written = 0;
        foreach (var pending in batch)
        {
            if (Failure is not null || !Open(pending.Result.Spec.RunId))
            {
                break;
            }

            try
            {
                long offset = _file!.Position;
                if (pending.Rows is { } rows)
                {
                    _file.Write(rows.Written);
                    _locations[pending.Position] = new CurveLocation(offset, rows.Written.Length, _line + 1);
                    _line += pending.Result.Training!.Curve.Count;
                }

                written++;
            }
            catch (Exception ex)
            {
                // Failures are data, and the writer thread must not die: the runs go on, unwritten and unjournaled.
                Fail(pending.Result.Spec.RunId, ex.Message);
            }
        }

        // The rows are in the file's buffer (or will never be written): their arrays go back to the pool.
        foreach (var pending in batch)
        {
            pending.Rows?.Dispose();
        }

        try
        {
            _file?.Flush();
        }
        catch (Exception ex)
        {
            Fail(batch[0].Result.Spec.RunId, ex.Message);
            written = 0;
        }

        Journal([.. batch.Take(written).Where(p => p.Journal).Select(p => p.Result)]);
    }

    /// <summary>Opens curves.csv and writes its header, once; false (the failure told) when that fails.</summary>
    private bool Open(string? runId)
    {
        if (_file is not null)
        {
            return true;
        }

        try
        {
            _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
            _file.Write(Encoding.UTF8.GetBytes(_table.HeaderLine));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(runId ?? _path, ex.Message);
            return false;
        }
    }

    private void Fail(string runId, string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
            _onCurveFailed(runId, reason);
        }
    }

    private void Journal(IReadOnlyList<RunResult> results)
    {
        if (_journalFailed || results.Count == 0)
        {
            return;
        }

        try
        {
            _journal.Record(results);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _journalFailed = true;
            _onJournalFailed(results[0].Spec.RunId, ex.Message);
        }
    }

    private sealed record Pending(int Position, RunResult Result, RentedBytes? Rows, bool Journal);
}
