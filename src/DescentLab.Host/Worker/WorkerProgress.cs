using DescentLab.Experiments.Running;

namespace DescentLab.Host.Worker;

/// <summary>The worker's own progress, which feeds the systemd watchdog: whether a run set is in flight, and a counter
/// that moves when one starts and each time one of its runs finishes.</summary>
public sealed class WorkerProgress : IProgress<RunProgress>
{
    private long _count;
    private int _busy;

    /// <summary>What the watchdog reads: a run set is in flight, and the counter's value.</summary>
    /// <param name="Busy">At least one run set is in flight.</param>
    /// <param name="Count">Moves on every start and every finished run.</param>
    public readonly record struct Snapshot(bool Busy, long Count);

    /// <summary>The current state.</summary>
    public Snapshot Read() => new(Volatile.Read(ref _busy) > 0, Interlocked.Read(ref _count));

    /// <summary>Marks a run set in flight until the returned scope is disposed; the start counts as progress.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _busy);
        Interlocked.Increment(ref _count);
        return new Scope(this);
    }

    /// <summary>One run finished.</summary>
    public void Report(RunProgress value) => Interlocked.Increment(ref _count);

    private sealed class Scope(WorkerProgress owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._busy);
                Interlocked.Increment(ref owner._count);
            }
        }
    }
}
