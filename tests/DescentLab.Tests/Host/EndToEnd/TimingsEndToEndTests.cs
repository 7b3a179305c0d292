using System.Globalization;
using System.Text.RegularExpressions;
using DescentLab.Host.Commands;
using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary><c>run --timings</c> and <c>report --timings</c> in a cold process: every stage is named, none is negative, and the top-level stages fit
/// in the total. No thresholds: the durations depend on the machine.</summary>
public sealed class TimingsEndToEndTests
{
    private const string Config = """
        name: timed
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 30
            models: [affine]
        variants:
          - sgd: { lr: 0.1 }
        stop: { max_epochs: 5 }
        """;

    [Test]
    public void Run_Timings_PrintsEveryStageNonNegative_AndTheStagesFitInTheTotal()
    {
        using var temp = new TempFolder();
        string config = temp.Write("timed.yaml", Config);

        var result = DescentLabProcess.RunProcess(temp.FullPath, "run", config, "--out", "out", "--timings");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out.Trim(), Is.EqualTo(temp.PathOf("out")), "the table goes to stderr; stdout keeps the run folder");
        var (top, total, plots) = Table(result.Error);

        string[] expected =
        [
            TimingsOption.ProcessStartStage, TimingsOption.HostStartStage, "config load + validate", "references",
            ExperimentPipeline.HistoryOpenStage, "runs", ExperimentPipeline.HistoryStage,
            .. DefaultExporters.All.Select(e => $"exporter {e.Name}"),
        ];
        var gc = Regex.Match(result.Error, @"\nGC: ([0-9]+) gen0, ([0-9]+) gen1, ([0-9]+) gen2 collections, paused [0-9.]+ m?s; ([0-9.]+) MB allocated\n");
        Assert.That(gc.Success, result.Error);
        int[] counts = [.. Enumerable.Range(1, 3).Select(g => int.Parse(gc.Groups[g].Value, CultureInfo.InvariantCulture))];
        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.Ordered.Descending, "a collection of a generation also collects the younger ones");
            Assert.That(double.Parse(gc.Groups[4].Value, CultureInfo.InvariantCulture), Is.GreaterThan(0));
            Assert.That(top.Select(r => r.Name), Is.EqualTo(expected));
            Assert.That(result.Error, Does.Contain("\ninside the exporters, in parallel:\n"));
            Assert.That(result.Error, Does.Match(@"\nJIT: [0-9]+ methods compiled in [0-9.]+ m?s \(all threads\)\n"));
            Assert.That(plots.Select(p => p.Name), Has.Some.StartsWith("plot plots/convergence-beans1-n30-affine"));
            Assert.That(result.Error, Does.Match($@"\n  {Regex.Escape(ReportRenderer.AnalysisStage)} +[0-9.]+ m?s\n"), "worked out on its own thread, still timed");
            Assert.That(top.Concat(plots).Select(r => r.Ms), Has.All.GreaterThanOrEqualTo(0));

            // Each printed value is rounded to 3 significant digits (at most 0.5% off), so the sum may exceed the rounded
            // total by that much and no more.
            Assert.That(top.Sum(r => r.Ms), Is.LessThanOrEqualTo(total * 1.005 / 0.995));
        });
    }

    [Test]
    public void Report_Timings_PrintsReadingTheFolderAndTheReportExporter_WithItsPlots()
    {
        using var temp = new TempFolder();
        string config = temp.Write("timed.yaml", Config);
        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out").ExitCode, Is.EqualTo(0));

        var result = DescentLabProcess.RunProcess(temp.FullPath, "report", "out", "--timings");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        var (top, total, plots) = Table(result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(top.Select(r => r.Name), Is.EqualTo(new[] { TimingsOption.ProcessStartStage, TimingsOption.HostStartStage, TimingsOption.ReadStage, "exporter report" }));
            Assert.That(plots, Is.Not.Empty);
            Assert.That(top.Concat(plots).Select(r => r.Ms), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(top.Sum(r => r.Ms), Is.LessThanOrEqualTo(total * 1.005 / 0.995));
        });
    }

    /// <summary>The top-level rows, the total and the plot rows of a printed table.</summary>
    private static (List<(string Name, double Ms)> Top, double Total, List<(string Name, double Ms)> Plots) Table(string error)
    {
        string[] lines = error.Split('\n').Select(l => l.TrimEnd()).ToArray();
        int header = Array.FindIndex(lines, l => l.StartsWith("stage ", StringComparison.Ordinal) && l.EndsWith("wall time", StringComparison.Ordinal));
        int totalAt = Array.FindIndex(lines, l => l.StartsWith("total ", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThanOrEqualTo(0), error);
        Assert.That(totalAt, Is.GreaterThan(header), error);
        return (
            lines[(header + 1)..totalAt].Select(Row).ToList(),
            Row(lines[totalAt]).Ms,
            lines[(totalAt + 1)..].Where(l => l.StartsWith("  plot plots/", StringComparison.Ordinal)).Select(Row).ToList());
    }

    /// <summary>A row "name   12.3 ms" or "name   1.23 s", in milliseconds.</summary>
    private static (string Name, double Ms) Row(string line)
    {
        string[] words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double value = double.Parse(words[^2], NumberStyles.Float, CultureInfo.InvariantCulture);
        double ms = words[^1] switch
        {
            "ms" => value,
            "s" => value * 1000,
            _ => throw new FormatException($"no unit in '{line}'"),
        };
        return (string.Join(' ', words[..^2]), ms);
    }
}
