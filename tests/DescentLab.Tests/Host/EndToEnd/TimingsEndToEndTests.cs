using System.Globalization;
using DescentLab.Host.Commands;
using DescentLab.Output.Exporters;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary><c>run --timings</c> in a cold process: every stage is named, none is negative, and the top-level stages fit
/// in the total. No thresholds: the durations depend on the machine.</summary>
[NonParallelizable]
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

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out", "--timings");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out.Trim(), Is.EqualTo(temp.PathOf("out")), "the table goes to stderr; stdout keeps the run folder");
        string[] lines = result.Error.Split('\n').Select(l => l.TrimEnd()).ToArray();
        int header = Array.FindIndex(lines, l => l.StartsWith("stage ", StringComparison.Ordinal) && l.EndsWith("wall time", StringComparison.Ordinal));
        int totalAt = Array.FindIndex(lines, l => l.StartsWith("total ", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThanOrEqualTo(0), result.Error);
        Assert.That(totalAt, Is.GreaterThan(header), result.Error);
        var top = lines[(header + 1)..totalAt].Select(Row).ToList();
        double total = Row(lines[totalAt]).Ms;
        var plots = lines[(totalAt + 1)..].Where(l => l.StartsWith("  plot plots/", StringComparison.Ordinal)).Select(Row).ToList();

        string[] expected =
        [
            TimingsOption.ProcessStartStage, TimingsOption.HostStartStage, "config load + validate", "references", "runs",
            .. DefaultExporters.All.Select(e => $"exporter {e.Name}"),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(top.Select(r => r.Name), Is.EqualTo(expected));
            Assert.That(lines[totalAt + 1], Is.EqualTo("inside the exporters, in parallel:"));
            Assert.That(plots.Select(p => p.Name), Has.Some.StartsWith("plot plots/convergence-beans1-n30-affine"));
            Assert.That(top.Concat(plots).Select(r => r.Ms), Has.All.GreaterThanOrEqualTo(0));

            // Each printed value is rounded to 3 significant digits (at most 0.5% off), so the sum may exceed the rounded
            // total by that much and no more.
            Assert.That(top.Sum(r => r.Ms), Is.LessThanOrEqualTo(total * 1.005 / 0.995));
        });
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
