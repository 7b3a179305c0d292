using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace DescentLab.Host.Worker;

/// <summary>Pings systemd's watchdog (<c>WATCHDOG=1</c>) at half the unit's <c>WatchdogSec</c>, so a hung process is
/// restarted; READY and STOPPING come from <c>AddSystemd</c>. Does nothing outside systemd or without a watchdog.</summary>
public sealed class SystemdWatchdogService : BackgroundService
{
    private readonly ISystemdNotifier? _notifier;
    private readonly TimeProvider _time;

    /// <summary>A watchdog pinger; the notifier is only registered when the process runs as a systemd service.</summary>
    public SystemdWatchdogService(IServiceProvider services, TimeProvider time)
    {
        _notifier = services.GetService<ISystemdNotifier>();
        _time = time;
    }

    /// <summary>The ping interval from <c>WATCHDOG_USEC</c> (half of it), or null when systemd set no watchdog.</summary>
    public static TimeSpan? Interval(string? watchdogMicroseconds) =>
        long.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out long usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;

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
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: systemd was told STOPPING=1 by the lifetime.
        }
    }
}
