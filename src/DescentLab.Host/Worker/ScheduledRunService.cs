using System.Threading.Channels;
using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary><c>descentlab serve</c>: runs the configs of a folder on a cron schedule, at start, and when a file changes
/// (debounced). One config runs at a time; a trigger for a config already queued is merged.</summary>
/// <remarks>Time comes from the injected <see cref="TimeProvider"/>, so tests drive schedule and debounce without
/// waiting. Stopping the host cancels the in-flight run (its run set is marked incomplete by the pipeline).</remarks>
public sealed partial class ScheduledRunService : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromDays(1);
    private readonly DescentLabSettings _settings;
    private readonly TimeProvider _time;
    private readonly IConfigChangeSource _changes;
    private readonly IConfigRunner _runner;
    private readonly ILogger<ScheduledRunService> _logger;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> _debounce = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A worker over <paramref name="settings"/>.</summary>
    public ScheduledRunService(
        IOptions<DescentLabSettings> settings,
        TimeProvider time,
        IConfigChangeSource changes,
        IConfigRunner runner,
        ILogger<ScheduledRunService> logger,
        IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        _settings = settings.Value;
        _time = time;
        _changes = changes;
        _runner = runner;
        _logger = logger;
    }

    /// <summary>The scheduled run being waited for, once its timer is set (for status and tests).</summary>
    public DateTimeOffset? NextScheduledRun { get; private set; }

    /// <inheritdoc/>
    /// <remarks>A config that fails is logged and the worker goes on; only a fault of the worker itself ends it, with a
    /// non-zero exit code so systemd's <c>Restart=on-failure</c> restarts it.</remarks>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await ServeAsync(stoppingToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && stoppingToken.IsCancellationRequested))
        {
            LogFatal(ex);
            Environment.ExitCode = Commands.ExitCodes.Failure;
            _lifetime.StopApplication();
        }
    }

    private async Task ServeAsync(CancellationToken stoppingToken)
    {
        string configDir = Path.GetFullPath(_settings.ConfigDir);
        CronExpression? schedule;
        try
        {
            schedule = string.IsNullOrWhiteSpace(_settings.Schedule) ? null : CronExpression.Parse(_settings.Schedule);
        }
        catch (CronFormatException ex)
        {
            LogBadSetting("DescentLab:Schedule", ex.Message);
            Stop();
            return;
        }

        if (!Directory.Exists(configDir))
        {
            LogBadSetting("DescentLab:ConfigDir", $"the folder {configDir} does not exist");
            Stop();
            return;
        }

        LogStarted(configDir, _settings.Schedule, _settings.RunOnStart, _settings.WatchConfigs);
        if (_settings.WatchConfigs)
        {
            _changes.Changed += OnChanged;
            _changes.Start(configDir);
        }

        if (_settings.RunOnStart)
        {
            EnqueueAll(configDir, "start");
        }

        var scheduler = schedule is null ? Task.CompletedTask : ScheduleLoopAsync(schedule, configDir, stoppingToken);
        try
        {
            await foreach (string config in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                lock (_gate)
                {
                    _queued.Remove(config);
                }

                await RunOneAsync(config, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopping();
        }
        finally
        {
            _changes.Changed -= OnChanged;
            lock (_gate)
            {
                foreach (var timer in _debounce.Values)
                {
                    timer.Dispose();
                }

                _debounce.Clear();
            }
        }

        await scheduler.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // A bad setting is bad input: exit code 2, and the host stops instead of idling.
    private void Stop()
    {
        Environment.ExitCode = Commands.ExitCodes.BadInput;
        _lifetime.StopApplication();
    }

    private async Task ScheduleLoopAsync(CronExpression schedule, string configDir, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            LogNextRun(next.Value);
            // Task.Delay caps out near 49 days; wake at least daily and re-check.
            for (var left = next.Value - now; left > TimeSpan.Zero; left = next.Value - _time.GetUtcNow())
            {
                var sleep = Task.Delay(left < MaxSleep ? left : MaxSleep, _time, stoppingToken);
                NextScheduledRun = next;
                await sleep;
            }

            EnqueueAll(configDir, "schedule");
        }
    }

    private async Task RunOneAsync(string config, CancellationToken stoppingToken)
    {
        if (!File.Exists(config))
        {
            LogVanished(config);
            return;
        }

        LogRunning(config);
        int exitCode;
        try
        {
            exitCode = await _runner.RunAsync(config, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Failures are data: this config failed, the next trigger retries it, and the worker keeps serving.
            LogRunCrashed(ex, config);
            return;
        }

        if (exitCode == Commands.ExitCodes.Success)
        {
            LogFinished(config, exitCode);
        }
        else
        {
            LogFailed(config, exitCode);
        }
    }

    private void OnChanged(string path)
    {
        var delay = TimeSpan.FromSeconds(Math.Max(0, _settings.DebounceSeconds));
        lock (_gate)
        {
            // Each change restarts the quiet period; the config runs once the file has been still for the whole delay.
            if (_debounce.Remove(path, out var old))
            {
                old.Dispose();
            }

            _debounce[path] = _time.CreateTimer(_ => DebounceElapsed(path), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void DebounceElapsed(string path)
    {
        lock (_gate)
        {
            if (_debounce.Remove(path, out var timer))
            {
                timer.Dispose();
            }
        }

        Enqueue(path, "change");
    }

    private void EnqueueAll(string configDir, string reason)
    {
        foreach (string config in ConfigFiles.In(configDir))
        {
            Enqueue(config, reason);
        }
    }

    private void Enqueue(string config, string reason)
    {
        lock (_gate)
        {
            if (!_queued.Add(config))
            {
                return;
            }
        }

        LogQueued(config, reason);
        _queue.Writer.TryWrite(config);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {ConfigDir}: schedule '{Schedule}' (UTC), run on start {RunOnStart}, watch {Watch}")]
    private partial void LogStarted(string configDir, string schedule, bool runOnStart, bool watch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled run at {Next:u}")]
    private partial void LogNextRun(DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Config} ({Reason})")]
    private partial void LogQueued(string config, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {Config}")]
    private partial void LogRunning(string config);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished {Config} with exit code {ExitCode}")]
    private partial void LogFinished(string config, int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config} failed with exit code {ExitCode}; it runs again on its next trigger")]
    private partial void LogFailed(string config, int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config} failed; it runs again on its next trigger")]
    private partial void LogRunCrashed(Exception exception, string config);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The worker failed and stops")]
    private partial void LogFatal(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config} no longer exists; skipped")]
    private partial void LogVanished(string config);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting {Setting} is invalid: {Reason}")]
    private partial void LogBadSetting(string setting, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: in-flight run cancelled")]
    private partial void LogStopping();
}
