using DescentLab.Host;
using DescentLab.Host.Worker;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Worker;

public sealed class ScheduledRunServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Serve_DueSchedule_RunsEveryConfigOnce()
    {
        using var temp = new TempFolder();
        temp.Write("configs/a.yaml", "name: a");
        temp.Write("configs/b.json", "{}");
        temp.Write("configs/notes.txt", "not a config");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 59, 0, TimeSpan.Zero));
        var runner = new RecordingRunner(expected: 2);
        using var service = Service(temp, time, runner, new ManualChangeSource(), schedule: "0 2 * * *", watch: false);

        await service.StartAsync(CancellationToken.None);
        await WaitUntil(() => service.NextScheduledRun is not null, "the schedule's timer");
        Assert.That(service.NextScheduledRun, Is.EqualTo(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero)));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(runner.Runs, Is.Empty, "nothing before 02:00");
        time.Advance(TimeSpan.FromSeconds(1));
        await runner.Done.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.That(runner.Runs.Select(Path.GetFileName), Is.EqualTo(new[] { "a.yaml", "b.json" }));
    }

    [Test]
    public async Task Serve_ConfigChange_RunsItOnceAfterTheDebounce()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/a.yaml", "name: a");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var runner = new RecordingRunner(expected: 1);
        var changes = new ManualChangeSource();
        using var service = Service(temp, time, runner, changes, schedule: "", watch: true);

        await service.StartAsync(CancellationToken.None);
        await WaitUntil(() => changes.Started, "watcher start");
        changes.Raise(config);
        time.Advance(TimeSpan.FromSeconds(1));
        changes.Raise(config);
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.That(runner.Runs, Is.Empty, "the second change restarted the quiet period");
        time.Advance(TimeSpan.FromSeconds(0.5));
        await runner.Done.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.That(runner.Runs, Is.EqualTo(new[] { config }));
    }

    [Test]
    public async Task Serve_RunOnStart_RunsEveryConfigAtOnce()
    {
        using var temp = new TempFolder();
        temp.Write("configs/a.yaml", "name: a");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var runner = new RecordingRunner(expected: 1);
        using var service = Service(temp, time, runner, new ManualChangeSource(), schedule: "", watch: false, runOnStart: true);

        await service.StartAsync(CancellationToken.None);
        await runner.Done.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.That(runner.Runs.Select(Path.GetFileName), Is.EqualTo(new[] { "a.yaml" }));
    }

    [Test]
    public async Task Serve_Stop_CancelsTheInFlightRun()
    {
        using var temp = new TempFolder();
        temp.Write("configs/a.yaml", "name: a");
        var time = new FakeTimeProvider();
        var runner = new BlockingRunner();
        using var service = Service(temp, time, runner, new ManualChangeSource(), schedule: "", watch: false, runOnStart: true);

        await service.StartAsync(CancellationToken.None);
        await runner.Entered.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.That(runner.SawCancellation, Is.True);
    }

    [Test]
    public async Task Serve_RunnerThrowsOnce_LoggedAndTheNextScheduledRunStillRuns()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/a.yaml", "name: a");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var runner = new ThrowingOnceRunner();
        var log = new CollectingLogger<ScheduledRunService>();
        using var service = Service(temp, time, runner, new ManualChangeSource(), schedule: "* * * * *", watch: false, logger: log);

        await service.StartAsync(CancellationToken.None);
        await WaitUntil(() => service.NextScheduledRun == At(12, 1), "the first scheduled run's timer");
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntil(() => runner.Count == 1, "the first run, which throws");
        await WaitUntil(() => service.NextScheduledRun == At(12, 2), "the second scheduled run's timer");
        time.Advance(TimeSpan.FromMinutes(1));
        await runner.Done.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(runner.Runs, Is.EqualTo(new[] { config, config }));
            Assert.That(log.Entries, Has.Some.EqualTo((LogLevel.Error, $"{config} failed; it runs again on its next trigger")));
        });
    }

    [Test]
    public async Task Serve_ScheduleFaultsOnce_LoggedAndTheScheduleGoesOn()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/a.yaml", "name: a");
        var time = new FaultyClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));
        var runner = new RecordingRunner(expected: 1);
        var log = new CollectingLogger<ScheduledRunService>();
        using var service = Service(temp, time, runner, new ManualChangeSource(), schedule: "* * * * *", watch: false, logger: log);

        await service.StartAsync(CancellationToken.None);
        await WaitUntil(() => service.NextScheduledRun == At(12, 1), "the first scheduled run's timer");
        time.FailNextRead = true;
        time.Fake.Advance(TimeSpan.FromMinutes(1));
        await WaitUntil(() => time.TimersCreated == 2, "the retry's timer");
        Assert.That(runner.Runs, Is.Empty, "the 12:01 turn faulted before it queued anything");
        time.Fake.Advance(ScheduledRunService.RetryAfterFault);
        await WaitUntil(() => service.NextScheduledRun == At(12, 3), "the next scheduled run's timer after the retry");
        time.Fake.Advance(TimeSpan.FromMinutes(1));
        await runner.Done.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(runner.Runs, Is.EqualTo(new[] { config }));
            Assert.That(log.Entries, Has.Some.EqualTo((LogLevel.Error, "The schedule failed; it looks for the next scheduled run again in 60 s")));
        });
    }

    private static ScheduledRunService Service(
        TempFolder temp, TimeProvider time, IConfigRunner runner, IConfigChangeSource changes, string schedule, bool watch, bool runOnStart = false, ILogger<ScheduledRunService>? logger = null)
    {
        var settings = Options.Create(new DescentLabSettings
        {
            ConfigDir = temp.PathOf("configs"),
            Schedule = schedule,
            WatchConfigs = watch,
            RunOnStart = runOnStart,
            DebounceSeconds = 2,
        });
        return new ScheduledRunService(settings, time, changes, runner, logger ?? NullLogger<ScheduledRunService>.Instance, new NoLifetime());
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 28, hour, minute, 0, TimeSpan.Zero);

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Yield();
        }
    }

    private sealed class RecordingRunner(int expected) : IConfigRunner
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Runs { get; } = [];

        public Task Done => _done.Task;

        public Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
        {
            lock (Runs)
            {
                Runs.Add(configPath);
                if (Runs.Count == expected)
                {
                    _done.TrySetResult();
                }
            }

            return Task.FromResult(0);
        }
    }

    /// <summary>Throws on its first run, as a crashing pipeline would, and succeeds after.</summary>
    private sealed class ThrowingOnceRunner : IConfigRunner
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Runs { get; } = [];

        public Task Done => _done.Task;

        public int Count
        {
            get
            {
                lock (Runs)
                {
                    return Runs.Count;
                }
            }
        }

        public Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
        {
            lock (Runs)
            {
                Runs.Add(configPath);
                if (Runs.Count == 1)
                {
                    throw new InvalidOperationException("the pipeline crashed");
                }
            }

            _done.TrySetResult();
            return Task.FromResult(0);
        }
    }

    /// <summary>A fake clock whose next reading throws when asked to, as a fault inside the schedule loop would; counts
    /// the timers created so a test knows when the loop is waiting.</summary>
    private sealed class FaultyClock(FakeTimeProvider fake) : TimeProvider
    {
        private int _timers;

        public FakeTimeProvider Fake => fake;

        public bool FailNextRead { get; set; }

        public int TimersCreated => Volatile.Read(ref _timers);

        public override DateTimeOffset GetUtcNow()
        {
            if (FailNextRead)
            {
                FailNextRead = false;
                throw new InvalidOperationException("the clock could not be read");
            }

            return fake.GetUtcNow();
        }

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return fake.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class BlockingRunner : IConfigRunner
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public bool SawCancellation { get; private set; }

        public async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            return 0;
        }
    }

    private sealed class ManualChangeSource : IConfigChangeSource
    {
        public event Action<string>? Changed;

        public bool Started { get; private set; }

        public void Start(string configDir) => Started = true;

        public void Raise(string path) => Changed?.Invoke(path);

        public void Dispose()
        {
        }
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
