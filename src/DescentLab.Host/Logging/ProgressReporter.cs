using DescentLab.Core.Training;
using DescentLab.Experiments.Running;
using Microsoft.Extensions.Logging;

namespace DescentLab.Host.Logging;

/// <summary>Shows run-set progress: a live line on a terminal, a log line every 10 % (or 10 s) otherwise, each with an
/// estimate of the time left from the pace of the runs finished so far by this process.</summary>
public sealed partial class ProgressReporter : IProgress<RunProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger;
    private readonly TextWriter? _terminal;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private TimeSpan _lastLog;
    private int? _before;
    private int _lastDecile;
    private int _diverged;
    private int _failed;

    /// <summary>A reporter that writes its live line to <paramref name="terminal"/> when it is a terminal, else logs.</summary>
    /// <param name="logger">Where progress goes when there is no terminal.</param>
    /// <param name="terminal">The terminal, or null.</param>
    /// <param name="time">The clock for the estimate (tests pass a fake one).</param>
    public ProgressReporter(ILogger logger, TextWriter? terminal, TimeProvider? time = null)
    {
        _logger = logger;
        _terminal = terminal;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    /// <summary>Time left at the pace so far: "42 s", "3 min 5 s", "2 h 10 min"; "?" before the first run of this process.</summary>
    public static string Eta(TimeSpan elapsed, int done, int left)
    {
        if (done <= 0)
        {
            return "?";
        }

        var eta = TimeSpan.FromSeconds(Math.Ceiling(elapsed.TotalSeconds * left / done));
        return eta.TotalHours >= 1 ? $"{(int)eta.TotalHours} h {eta.Minutes} min"
            : eta.TotalMinutes >= 1 ? $"{(int)eta.TotalMinutes} min {eta.Seconds} s"
            : $"{eta.Seconds} s";
    }

    /// <summary>A reporter for this process: the live line goes to stderr when stderr is a terminal.</summary>
    public static ProgressReporter ForConsole(ILogger logger) => new(logger, Console.IsErrorRedirected ? null : Console.Error);

    /// <inheritdoc/>
    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            _diverged += value.Last.Status == RunStatus.Diverged ? 1 : 0;
            _failed += value.Last.Status == RunStatus.Failed ? 1 : 0;

            // Runs finished before this process (a resumed set) say nothing about its pace.
            _before ??= value.Completed - 1;
            var elapsed = _time.GetElapsedTime(_start);
            string eta = Eta(elapsed, value.Completed - _before.Value, value.Total - value.Completed);
            if (_terminal is not null)
            {
                int width = 30;
                int filled = value.Total == 0 ? width : value.Completed * width / value.Total;
                _terminal.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.Completed}/{value.Total} runs, {_diverged} diverged, {_failed} failed, ETA {eta} ");
                if (value.Completed == value.Total)
                {
                    _terminal.WriteLine();
                }

                return;
            }

            int decile = value.Total == 0 ? 10 : value.Completed * 10 / value.Total;
            if (decile > _lastDecile || elapsed - _lastLog >= LogInterval)
            {
                _lastDecile = decile;
                _lastLog = elapsed;
                LogProgress(value.Completed, value.Total, _diverged, _failed, eta);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress: {Completed}/{Total} runs, {Diverged} diverged, {Failed} failed, ETA {Eta}")]
    private partial void LogProgress(int completed, int total, int diverged, int failed, string eta);
}
