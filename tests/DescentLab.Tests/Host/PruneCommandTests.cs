using DescentLab.Host.Commands;
using DescentLab.Output.Retention;
using DescentLab.Tests.Output.Retention;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Host;

public sealed class PruneCommandTests
{
    [Test]
    public void DryRun_PrintsEachRemovalAndTheTotal_AndRemovesNothing()
    {
        using var reports = ReportsPrunerTests.Nightly(out var sets);
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();

        int exitCode = PruneCommand.Execute(Pruner(), reports.Root, new RetentionPolicy { KeepLast = 5 }, dryRun: true, new CliOutput(output, error));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output.ToString(), Is.EqualTo(
                "Dry run: complete run sets: keep the newest 5; incomplete folders and temporary files: remove after 72 h without a write\n"
                + $"would remove {sets[5]} (complete, not among the newest 5)\n"
                + "1 to remove (0.0 MiB), 0 failed\n"));
            Assert.That(error.ToString(), Is.Empty);
            Assert.That(sets.All(Directory.Exists), Is.True);
        });
    }

    [Test]
    public void BadPolicy_ExitsWithBadInput()
    {
        using var reports = ReportsPrunerTests.Nightly(out var sets);
        var error = new StringWriter();

        int exitCode = PruneCommand.Execute(Pruner(), reports.Root, new RetentionPolicy { GraceHours = -1 }, dryRun: false, new CliOutput(TextWriter.Null, error));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error.ToString().Trim(), Is.EqualTo("Retention:GraceHours must be a number > 0, got -1"));
            Assert.That(sets.All(Directory.Exists), Is.True);
        });
    }

    private static ReportsPruner Pruner() => new(new FakeTimeProvider(FakeReports.Now));
}
