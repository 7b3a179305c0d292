namespace DescentLab.Tests.Support;

/// <summary>An IProgress that reports on the calling thread, under a lock (Progress&lt;T&gt; posts asynchronously).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
