using System.Diagnostics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Running;
using Microsoft.Extensions.Logging;

namespace DescentLab.Host.Logging;

/// <summary>Shows run-set progress: a live line on a terminal, a log line every 10 % (or 10 s) otherwise.</summary>
public sealed partial class ProgressReporter : IProgress<RunProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger;
    private readonly TextWriter? _terminal;
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLog;
    private int _lastDecile;
    private int _diverged;
    private int _failed;

    /// <summary>A reporter that writes its live line to <paramref name="terminal"/> when it is a terminal, else logs.</summary>
    public ProgressReporter(ILogger logger, TextWriter? terminal)
    {
        _logger = logger;
        _terminal = terminal;
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
            if (_terminal is not null)
            {
                int width = 30;
                int filled = value.Total == 0 ? width : value.Completed * width / value.Total;
                _terminal.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {value.Completed}/{value.Total} runs, {_diverged} diverged, {_failed} failed ");
                if (value.Completed == value.Total)
                {
                    _terminal.WriteLine();
                }

                return;
            }

            int decile = value.Total == 0 ? 10 : value.Completed * 10 / value.Total;
            if (decile > _lastDecile || _clock.Elapsed - _lastLog >= LogInterval)
            {
                _lastDecile = decile;
                _lastLog = _clock.Elapsed;
                LogProgress(value.Completed, value.Total, _diverged, _failed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress: {Completed}/{Total} runs, {Diverged} diverged, {Failed} failed")]
    private partial void LogProgress(int completed, int total, int diverged, int failed);
}
