using System.Text.Json.Nodes;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;
using DescentLab.Output.Exporters;
using DescentLab.Output.Files;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Writes run folders with the production exporters and compares the deterministic files of two of them.</summary>
public static class RunFolders
{
    /// <summary>Writes <paramref name="set"/> into <paramref name="folder"/> with every exporter but the report (plots are
    /// slow and have their own tests); returns <paramref name="folder"/>.</summary>
    public static string Write(RunSet set, string folder)
    {
        Directory.CreateDirectory(folder);
        var runFolder = RunFolder.Open(folder);
        foreach (var exporter in DefaultExporters.All.Where(e => e is not ReportExporter))
        {
            exporter.Export(set, runFolder);
        }

        return folder;
    }

    /// <summary>Curves are byte-identical and summary.csv is byte-identical apart from the wall_ms column.</summary>
    public static void AssertSameResults(string expectedFolder, string actualFolder)
    {
        var expectedCurves = Directory.GetFiles(Path.Combine(expectedFolder, "curves")).Select(Path.GetFileName).Order().ToList();
        var actualCurves = Directory.GetFiles(Path.Combine(actualFolder, "curves")).Select(Path.GetFileName).Order().ToList();
        Assert.That(actualCurves, Is.EqualTo(expectedCurves));
        foreach (string name in expectedCurves!)
        {
            Assert.That(
                File.ReadAllBytes(Path.Combine(actualFolder, "curves", name!)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedFolder, "curves", name!))),
                name);
        }

        Assert.That(WithoutWallTime(Path.Combine(actualFolder, "summary.csv")), Is.EqualTo(WithoutWallTime(Path.Combine(expectedFolder, "summary.csv"))));
    }

    /// <summary>manifest.json is byte-identical apart from what says how the set was run (command, parallelism, shard,
    /// times), and its variants record where each one that is not built in came from.</summary>
    public static void AssertSameManifest(string expectedFolder, string actualFolder)
    {
        var expected = WithoutHowItRan(Path.Combine(expectedFolder, "manifest.json"));
        var actual = WithoutHowItRan(Path.Combine(actualFolder, "manifest.json"));
        Assert.That(actual, Is.EqualTo(expected));
        var variants = JsonNode.Parse(expected)!["resolved_config"]!["variants"]!.AsArray();
        Assert.That(variants.Where(v => VariantCatalog.Find((string)v!["name"]!) is null), Has.All.Matches<JsonNode?>(v => v!["plugin"] is not null || v["external"] is not null));
    }

    private static string WithoutHowItRan(string manifestPath)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        foreach (string key in new[] { "command", "parallel", "shard", "started_utc", "finished_utc" })
        {
            Assert.That(manifest.Remove(key), Is.True, key);
        }

        return manifest.ToJsonString();
    }

    private static List<string> WithoutWallTime(string summaryPath)
    {
        var lines = File.ReadAllLines(summaryPath);
        Assert.That(lines[0], Does.EndWith(",wall_ms"));
        return [.. lines.Select(l => l[..l.LastIndexOf(',')])];
    }
}
