using DescentLab.Host;
using DescentLab.Host.Worker;
using DescentLab.Output.Retention;
using DescentLab.Tests.Output.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Worker;

public sealed class PruningConfigRunnerTests
{
    [Test]
    public async Task AfterARun_AppliesRetention_AndKeepsTheRunsExitCode()
    {
        using var reports = ReportsPrunerTests.Nightly(out var sets);
        var runner = Runner(reports.Root, new RetentionPolicy { KeepLast = 2 }, exitCode: 3);

        int exitCode = await runner.RunAsync("configs/nightly.yaml", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(3));
            Assert.That(sets.Select(Directory.Exists), Is.EqualTo(new[] { true, true, false, false, false, false }));
        });
    }

    [Test]
    public async Task AStoppedRun_PrunesNothing()
    {
        using var reports = ReportsPrunerTests.Nightly(out var sets);
        var runner = Runner(reports.Root, new RetentionPolicy { KeepLast = 1 }, exitCode: 1);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await runner.RunAsync("configs/nightly.yaml", stopping.Token);

        Assert.That(sets.All(Directory.Exists), Is.True);
    }

    [Test]
    public async Task ABadPolicy_PrunesNothing_AndTheRunStillCounts()
    {
        using var reports = ReportsPrunerTests.Nightly(out var sets);
        var runner = Runner(reports.Root, new RetentionPolicy { KeepLast = -1 }, exitCode: 0);

        int exitCode = await runner.RunAsync("configs/nightly.yaml", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(sets.All(Directory.Exists), Is.True);
        });
    }

    private static PruningConfigRunner Runner(string reportsRoot, RetentionPolicy policy, int exitCode)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DescentLab:ReportsDir"] = reportsRoot })
            .Build();
        var settings = Options.Create(new DescentLabSettings { ReportsDir = reportsRoot, Retention = policy });
        return new PruningConfigRunner(
            new FixedRunner(exitCode),
            new ReportsPruner(new FakeTimeProvider(FakeReports.Now)),
            settings,
            configuration,
            NullLogger<PruningConfigRunner>.Instance);
    }

    private sealed class FixedRunner(int exitCode) : IConfigRunner
    {
        public Task<int> RunAsync(string configPath, CancellationToken cancellationToken) => Task.FromResult(exitCode);
    }
}
