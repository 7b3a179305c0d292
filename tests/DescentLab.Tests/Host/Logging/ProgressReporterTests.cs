using DescentLab.Core.Training;
using DescentLab.Experiments.Running;
using DescentLab.Host.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Logging;

public sealed class ProgressReporterTests
{
    [Test]
    public void Report_OnATerminal_RewritesOneLiveLineAndEndsItWhenDone()
    {
        var terminal = new StringWriter { NewLine = "\n" };
        var logger = new CollectingLogger();
        var time = new FakeTimeProvider();
        var reporter = new ProgressReporter(logger, terminal, time);

        time.Advance(TimeSpan.FromSeconds(40));
        reporter.Report(new RunProgress(1, 3, Result(RunStatus.Converged)));
        time.Advance(TimeSpan.FromSeconds(40));
        reporter.Report(new RunProgress(2, 3, Result(RunStatus.Diverged)));
        time.Advance(TimeSpan.FromSeconds(40));
        reporter.Report(new RunProgress(3, 3, Result(RunStatus.Failed)));

        Assert.That(terminal.ToString(), Is.EqualTo(
            "\r[##########....................] 1/3 runs, 0 diverged, 0 failed, ETA 1 min 20 s " +
            "\r[####################..........] 2/3 runs, 1 diverged, 0 failed, ETA 40 s " +
            "\r[##############################] 3/3 runs, 1 diverged, 1 failed, ETA 0 s \n"));
        Assert.That(logger.Messages, Is.Empty);
    }

    [Test]
    public void Report_WithoutATerminal_LogsEachTenthOnce()
    {
        var logger = new CollectingLogger();
        var time = new FakeTimeProvider();
        var reporter = new ProgressReporter(logger, null, time);

        for (int i = 1; i <= 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(0.5));
            reporter.Report(new RunProgress(i, 100, Result(RunStatus.Converged)));
        }

        Assert.That(logger.Messages, Has.Count.EqualTo(10));
        Assert.That(logger.Messages[0], Is.EqualTo("Progress: 10/100 runs, 0 diverged, 0 failed, ETA 45 s"));
        Assert.That(logger.Messages[^1], Is.EqualTo("Progress: 100/100 runs, 0 diverged, 0 failed, ETA 0 s"));
    }

    [Test]
    public void Report_ResumedSet_EstimatesFromThisProcessesRunsOnly()
    {
        var logger = new CollectingLogger();
        var time = new FakeTimeProvider();
        var reporter = new ProgressReporter(logger, null, time);

        // 90 runs were finished before a resume; this process takes 10 s per run.
        time.Advance(TimeSpan.FromSeconds(10));
        reporter.Report(new RunProgress(91, 100, Result(RunStatus.Converged)));

        Assert.That(logger.Messages, Is.EqualTo(new[] { "Progress: 91/100 runs, 0 diverged, 0 failed, ETA 1 min 30 s" }));
    }

    private static RunResult Result(RunStatus status) => new(null!, null, status, string.Empty, 1);

    private sealed class CollectingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
