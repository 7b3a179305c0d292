using DescentLab.Core.Training;
using DescentLab.Experiments.Running;
using DescentLab.Host.Logging;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Logging;

public sealed class ProgressReporterTests
{
    [Test]
    public void Report_OnATerminal_RewritesOneLiveLineAndEndsItWhenDone()
    {
        var terminal = new StringWriter { NewLine = "\n" };
        var logger = new CollectingLogger();
        var reporter = new ProgressReporter(logger, terminal);

        reporter.Report(new RunProgress(1, 3, Result(RunStatus.Converged)));
        reporter.Report(new RunProgress(2, 3, Result(RunStatus.Diverged)));
        reporter.Report(new RunProgress(3, 3, Result(RunStatus.Failed)));

        Assert.That(terminal.ToString(), Is.EqualTo(
            "\r[##########....................] 1/3 runs, 0 diverged, 0 failed " +
            "\r[####################..........] 2/3 runs, 1 diverged, 0 failed " +
            "\r[##############################] 3/3 runs, 1 diverged, 1 failed \n"));
        Assert.That(logger.Messages, Is.Empty);
    }

    [Test]
    public void Report_WithoutATerminal_LogsEachTenthOnce()
    {
        var logger = new CollectingLogger();
        var reporter = new ProgressReporter(logger, null);

        for (int i = 1; i <= 100; i++)
        {
            reporter.Report(new RunProgress(i, 100, Result(RunStatus.Converged)));
        }

        Assert.That(logger.Messages, Has.Count.EqualTo(10));
        Assert.That(logger.Messages[0], Is.EqualTo("Progress: 10/100 runs, 0 diverged, 0 failed"));
        Assert.That(logger.Messages[^1], Is.EqualTo("Progress: 100/100 runs, 0 diverged, 0 failed"));
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
