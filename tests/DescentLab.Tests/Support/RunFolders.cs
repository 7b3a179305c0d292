using System.Text.Json.Nodes;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
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

    /// <summary>Runs <paramref name="config"/> into <c>p1</c> at <c>--parallel 1</c>, then at <c>--parallel 2</c>, as two
    /// shards merged, and killed after the second run is journaled then resumed; every one exits 0 and gives
    /// <c>p1</c>'s results and manifest.</summary>
    public static void AssertSameAcrossParallelShardsAndResume(TempFolder temp, string config)
    {
        var p1 = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "p1", "--parallel", "1");
        var p2 = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "p2", "--parallel", "2");
        var s1 = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "s1", "--shard", "1/2");
        var s2 = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "s2", "--shard", "2/2");
        var merge = DescentLabProcess.Run(temp.FullPath, "merge", "s2", "s1", "--out", "merged");

        // Killed after the second run is journaled (write points: INCOMPLETE, .resume.json, then one per run), then resumed.
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "4" }, "run", config, "--out", "part", "--parallel", "1");
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.Multiple(() =>
        {
            foreach (var result in new[] { p1, p2, s1, s2, merge, resumed })
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            }

            Assert.That(killed.ExitCode, Is.EqualTo(137), killed.Error);
        });
        foreach (string other in new[] { "p2", "merged", "part" })
        {
            AssertSameResults(temp.PathOf("p1"), temp.PathOf(other));
            AssertSameManifest(temp.PathOf("p1"), temp.PathOf(other));
        }
    }

    /// <summary>Each run's rows of the folder's curves.csv without their run_id cell (line ends kept), by run id, in
    /// file order.</summary>
    public static IReadOnlyDictionary<string, string> CurveRows(string folder)
    {
        var rows = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(folder, CurveTable.FileName)).Skip(1))
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            string runId = line[..comma];
            if (!rows.TryGetValue(runId, out var text))
            {
                rows[runId] = text = new System.Text.StringBuilder();
            }

            text.Append(line, comma + 1, line.Length - comma - 1).Append('\n');
        }

        return rows.ToDictionary(r => r.Key, r => r.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>curves.csv is byte-identical and summary.csv is byte-identical apart from the wall_ms column.</summary>
    public static void AssertSameResults(string expectedFolder, string actualFolder)
    {
        Assert.That(
            File.ReadAllBytes(Path.Combine(actualFolder, CurveTable.FileName)),
            Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedFolder, CurveTable.FileName))),
            CurveTable.FileName);
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
