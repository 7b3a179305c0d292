using DescentLab.Experiments.Running;
using DescentLab.Host.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Worker;

/// <summary>The watchdog pings at half of systemd's WATCHDOG_USEC, and not at all without one; it is fed by the worker's
/// progress, so a run set that stops making progress is not pinged for.</summary>
public sealed class SystemdWatchdogServiceTests
{
    [TestCase("60000000", 30.0)]
    [TestCase("1000000", 0.5)]
    public void Interval_IsHalfTheWatchdog(string usec, double seconds) =>
        Assert.That(SystemdWatchdogService.Interval(usec), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("abc")]
    public void Interval_WithoutAWatchdog_IsNull(string? usec) =>
        Assert.That(SystemdWatchdogService.Interval(usec), Is.Null);

    [Test]
    public void Tick_Idle_AlwaysPings()
    {
        var (watchdog, notifier, _) = Watchdog();

        bool[] pinged = [watchdog.Tick(notifier), watchdog.Tick(notifier), watchdog.Tick(notifier)];

        Assert.Multiple(() =>
        {
            Assert.That(pinged, Is.All.True);
            Assert.That(notifier.States, Is.EqualTo(new[] { "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1" }));
        });
    }

    [Test]
    public void Tick_RunSetThatStopsMakingProgress_StopsPinging_UntilARunFinishes()
    {
        var (watchdog, notifier, progress) = Watchdog();
        using var inFlight = progress.Begin();

        bool started = watchdog.Tick(notifier);
        bool stalled1 = watchdog.Tick(notifier);
        bool stalled2 = watchdog.Tick(notifier);
        progress.Report(new RunProgress(1, 3, default!));
        bool advanced = watchdog.Tick(notifier);
        bool stalled3 = watchdog.Tick(notifier);

        Assert.Multiple(() =>
        {
            Assert.That(new[] { started, stalled1, stalled2, advanced, stalled3 }, Is.EqualTo(new[] { true, false, false, true, false }));
            Assert.That(notifier.States, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Tick_AfterTheRunSetEnds_PingsAgain()
    {
        var (watchdog, notifier, progress) = Watchdog();
        var inFlight = progress.Begin();
        watchdog.Tick(notifier);
        bool stalled = watchdog.Tick(notifier);

        inFlight.Dispose();
        inFlight.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(stalled, Is.False);
            Assert.That(progress.Read().Busy, Is.False);
            Assert.That(watchdog.Tick(notifier), Is.True);
            Assert.That(watchdog.Tick(notifier), Is.True);
        });
    }

    private static (SystemdWatchdogService Watchdog, RecordingNotifier Notifier, WorkerProgress Progress) Watchdog()
    {
        var progress = new WorkerProgress();
        using var services = new ServiceCollection().BuildServiceProvider();
        return (new SystemdWatchdogService(services, progress, new FakeTimeProvider()), new RecordingNotifier(), progress);
    }

    /// <summary>A systemd notifier that keeps what it was told.</summary>
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public List<string> States { get; } = [];

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => States.Add(state.ToString());
    }
}
