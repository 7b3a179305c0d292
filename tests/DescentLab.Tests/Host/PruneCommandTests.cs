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

    [Test]
    public async Task CommandLine_OptionsOverrideTheSettings_AndTheReportsRootIsASetting()
    {
        using var reports = new FakeReports();
        string[] sets = [.. new[] { 3.0, 2.0, 1.0 }.Select(d => reports.Complete("nightly", d))];
        var output = new StringWriter { NewLine = "\n" };

        int exitCode = await DescentLabCommandLine.InvokeAsync(
            ["prune", "--keep-last", "1", $"--DescentLab:ReportsDir={reports.Root}", "--DescentLab:Retention:KeepLast=3"], output, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(sets.Select(Directory.Exists), Is.EqualTo(new[] { false, false, true }));
            Assert.That(output.ToString(), Does.Contain($"removed {sets[0]} (complete, not among the newest 1)\n"));
        });
    }

    [Test]
    public async Task Now_AppliesTheRulesAtThatTime_AndABadTimeIsBadInput()
    {
        using var reports = new FakeReports();
        string[] sets = [.. new[] { 30.0, 3.0 }.Select(d => reports.Complete("nightly", d))];
        string at = FakeReports.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();

        int bad = await DescentLabCommandLine.InvokeAsync(["prune", "--now", "tomorrow", $"--DescentLab:ReportsDir={reports.Root}"], TextWriter.Null, error);
        int exitCode = await DescentLabCommandLine.InvokeAsync(
            ["prune", "--now", at, "--keep-days", "25", "--dry-run", $"--DescentLab:ReportsDir={reports.Root}"], output, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(bad, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error.ToString().Trim(), Is.EqualTo("--now expects a UTC time such as 2027-03-15T02:00:00Z, got 'tomorrow'"));
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output.ToString(), Does.Contain($"would remove {sets[0]} (complete, 30.0 days old (keep 25))\n").And.Not.Contain(sets[1]));
        });
    }

    private static ReportsPruner Pruner() => new(new FakeTimeProvider(FakeReports.Now));
}
