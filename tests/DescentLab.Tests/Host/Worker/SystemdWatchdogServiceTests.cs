using DescentLab.Host.Worker;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Worker;

/// <summary>The watchdog pings at half of systemd's WATCHDOG_USEC, and not at all without one.</summary>
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
}
