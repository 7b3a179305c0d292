using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace DescentLab.Host.Worker;

/// <summary>Feeds systemd's watchdog (<c>WATCHDOG=1</c>) from the worker's own progress: at half the unit's
/// <c>WatchdogSec</c> it pings when the worker is idle or its <see cref="WorkerProgress"/> moved since the last tick, and
/// stays silent while a run set makes no progress, so systemd restarts a worker whose run set hangs (no run finishing
/// for <c>WatchdogSec</c>) as well as one whose process hangs. READY and STOPPING come from <c>AddSystemd</c>. Does
/// nothing outside systemd or without a watchdog.</summary>
public sealed class SystemdWatchdogService : BackgroundService
{
    private const string Ping = "WATCHDOG=1";

    private readonly ISystemdNotifier? _notifier;
    private readonly WorkerProgress _progress;
    private readonly TimeProvider _time;
    private long? _lastCount;

    /// <summary>A watchdog feeder; the notifier is only registered when the process runs as a systemd service.</summary>
    public SystemdWatchdogService(IServiceProvider services, WorkerProgress progress, TimeProvider time)
    {
        _notifier = services.GetService<ISystemdNotifier>();
        _progress = progress;
        _time = time;
    }

    /// <summary>The ping interval from <c>WATCHDOG_USEC</c> (half of it), or null when systemd set no watchdog.</summary>
    public static TimeSpan? Interval(string? watchdogMicroseconds) =>
        long.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out long usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;

    /// <summary>One tick: pings <paramref name="notifier"/> when the worker is idle or made progress since the previous
    /// tick; returns whether it pinged.</summary>
    public bool Tick(ISystemdNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var now = _progress.Read();
        bool alive = !now.Busy || now.Count != _lastCount;
        _lastCount = now.Count;
        if (alive)
        {
            notifier.Notify(new ServiceState(Ping));
        }

        return alive;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_notifier is not { IsEnabled: true } notifier || Interval(Environment.GetEnvironmentVariable("WATCHDOG_USEC")) is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                Tick(notifier);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: systemd was told STOPPING=1 by the lifetime.
        }
    }
}
