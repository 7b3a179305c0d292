using Serilog.Core;
using Serilog.Events;

namespace DescentLab.Host.Logging;

/// <summary>Wraps a sink that may fail on its own disk (the rolling file log), so that neither writing nor the final
/// flush at shutdown can throw: a full disk loses log lines, never the process or its exit code.</summary>
/// <remarks>Serilog already isolates <c>Emit</c> failures of its sinks (SafeAggregateSink); the flush in
/// <c>Dispose</c> is not isolated, and on a full disk it threw out of the host's shutdown.</remarks>
public sealed class FailSafeSink : ILogEventSink, IDisposable
{
    private readonly Logger _inner;

    /// <summary>Wraps the logger <paramref name="inner"/> (built with the sink to protect).</summary>
    public FailSafeSink(Logger inner) => _inner = inner;

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        try
        {
            _inner.Write(logEvent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Serilog.Debugging.SelfLog.WriteLine("log file write failed: {0}", ex.Message);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _inner.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Serilog.Debugging.SelfLog.WriteLine("log file flush failed: {0}", ex.Message);
        }
    }
}
