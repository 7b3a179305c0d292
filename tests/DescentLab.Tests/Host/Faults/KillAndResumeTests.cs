using DescentLab.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary>kill -9 at seeded points of a real run (runs, export, history, latest), then <c>run --resume</c>: the
/// finished set is byte-identical to an uninterrupted one, and nothing ever looks complete that is not.</summary>
/// <remarks>The kill is real (SIGKILL from the process itself) at the k-th write point chosen by
/// <c>DESCENTLAB_TEST_KILL_AT</c>, so the points are exact and the test has no timing in it. Each resume is itself
/// killed at a new point until one completes, so resumes of resumes are covered too.</remarks>
public sealed class KillAndResumeTests
{
    private const int SigKillExitCode = 137;
    private const int KillPoints = 12;

    private const string Config = """
        name: faults
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - closed_form
          - sgd: { lr: [0.1, 0.01] }
          - adam: { lr: 0.05 }
        stop: { max_epochs: 10 }
        """;

    [Test]
    public void KillNine_AtSeededPoints_ResumeGivesTheUninterruptedBytes()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        var reference = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "reference");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

        // Four chains at once (the machine has cores to spare while one process starts up); each is seeded.
        var chains = Enumerable.Range(0, 4).Select(chain => Task.Run(() => Chain(temp, config, chain, KillPoints / 4))).ToArray();
        Task.WaitAll(chains);
        var killedAt = chains.SelectMany(c => c.Result).ToList();
        int kills = killedAt.Count;

        Assert.That(kills, Is.GreaterThanOrEqualTo(KillPoints), $"kill points: {string.Join(", ", killedAt)}");
        Assert.That(killedAt.Distinct().Count(), Is.GreaterThanOrEqualTo(10), "the points are spread out");
    }

    /// <summary>Kills runs and resumes of sets in their own folders until <paramref name="wanted"/> kills happened;
    /// every finished set is compared with the reference. Returns the kill points.</summary>
    private static List<int> Chain(TempFolder temp, string config, int chain, int wanted)
    {
        var random = new Random(20261130 + chain);
        var killedAt = new List<int>();
        for (int set = 0, launch = 0; killedAt.Count < wanted && launch < 4 * wanted; set++)
        {
            string folder = $"chain{chain}-set{set}";
            string[] args = ["run", config, "--out", folder, "--parallel", "1"];
            while (true)
            {
                // 8 runs each journal a record (after their rows reach curves.csv), then about 12 files, history and
                // latest: points over the whole life of a set.
                int point = random.Next(1, 26);
                var result = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = point.ToString(System.Globalization.CultureInfo.InvariantCulture) }, args);
                launch++;
                AssertNothingLooksComplete(temp, folder);
                if (result.ExitCode == SigKillExitCode)
                {
                    killedAt.Add(point);
                    args = ["run", "--resume", folder, "--parallel", "1"];
                    continue;
                }

                if (!File.Exists(temp.PathOf(folder, ".resume.json")))
                {
                    // Killed before the folder recorded how to resume it: nothing was run, so nothing is lost.
                    Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
                    Assert.That(result.Error, Does.Contain("the run folder cannot be resumed"));
                    break;
                }

                Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
                AssertSameBytes(temp.PathOf("reference"), temp.PathOf(folder));
                break;
            }
        }

        return killedAt;
    }

    /// <summary>Every model kind (origin, affine, logistic 1-D and 2-D, mlp), both losses and every built-in variant
    /// family, small enough to run in a few seconds.</summary>
    private const string EveryKindConfig = """
        name: kinds
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 12
            models: [origin, affine]
          - recipe: beans3
            n: 12
            models: [logistic, { logistic: { loss: cross_entropy } }]
          - recipe: beans5
            n: 12
            models: [{ logistic: { loss: cross_entropy } }]
          - recipe: beans4
            n: 12
            models: [{ mlp: { hidden: 2 } }, { mlp: { hidden: 2, loss: cross_entropy } }]
        variants:
          - closed_form
          - batch: { lr: 0.1 }
          - sgd: { lr: 0.03 }
          - minibatch: { lr: 0.1, batch: 4 }
          - fixed_step: { step: 0.01 }
          - rosenblatt: { lr: 0.1 }
          - momentum: { lr: 0.05 }
          - nesterov: { lr: 0.05 }
          - adagrad: { lr: 0.5 }
          - rmsprop: { lr: 0.01 }
          - adam: { lr: 0.03 }
          - line_search
        stop: { max_epochs: 4 }
        """;

    [TestCase(5, TestName = "KillNine_EveryModelKind_EarlyInTheRuns_ResumeGivesTheUninterruptedBytes")]
    [TestCase(30, TestName = "KillNine_EveryModelKind_MidRuns_ResumeGivesTheUninterruptedBytes")]
    [TestCase(75, TestName = "KillNine_EveryModelKind_LateInTheRuns_ResumeGivesTheUninterruptedBytes")]
    public void KillNine_EveryModelKind_ResumeGivesTheUninterruptedBytes(int point)
    {
        // Classification curves carry accuracy, which the journal once forgot: the resumed runs read back from it must
        // give the same summary and curves as the runs of an uninterrupted set.
        using var temp = new TempFolder();
        string config = temp.Write("kinds.yaml", EveryKindConfig);
        var reference = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "reference", "--parallel", "1");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = point.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "run", config, "--out", "part", "--parallel", "1");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part", "--parallel", "2");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Error, Does.Contain("runs already finished"));
        AssertSameBytes(temp.PathOf("reference"), temp.PathOf("part"));
        Assert.That(File.ReadAllText(temp.PathOf("part", "summary.csv")), Does.Contain(",accuracy,"));
    }

    [Test]
    public void KillNine_WithJunitAndStepSummary_ResumeWritesThemAsAsked()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        string summary = temp.PathOf("step-summary.md");
        var killed = DescentLabProcess.Run(
            temp.FullPath,
            new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "7", ["GITHUB_STEP_SUMMARY"] = summary },
            "run", config, "--out", "part", "--parallel", "1", "--junit", "junit.xml");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        Assert.That(File.Exists(temp.PathOf("junit.xml")) || File.Exists(summary), Is.False, "killed before the CI files");

        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(File.ReadAllText(temp.PathOf("junit.xml")), Does.Contain("<testsuite name=\"faults\""));
        Assert.That(File.ReadAllText(summary), Does.Contain("faults"));
    }

    [Test]
    public void KillNine_DuringRuns_ResumeKeepsTheJournaledRuns()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        var reference = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "reference");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

        // Write points: INCOMPLETE, .resume.json, then per run its journal record (its rows are in curves.csv before);
        // killed before the third run's record lands.
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "5" }, "run", config, "--out", "part", "--parallel", "1");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Error, Does.Contain("resuming, 2 of 8 runs already finished"));
        AssertSameBytes(temp.PathOf("reference"), temp.PathOf("part"));
        var again = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
        Assert.That(again.Error, Does.Contain("is already complete; nothing to resume"));
    }

    [Test]
    public void KillNine_ShardWithWriteData_ResumeKeepsBothAsStarted()
    {
        // Datasets of 20 samples are above a threshold of 10: only --write-data puts them in data/.
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        var small = new Dictionary<string, string?> { ["DescentLab__DataFileMaxSamples"] = "10" };
        var reference = DescentLabProcess.Run(temp.FullPath, small, "run", config, "--out", "reference", "--shard", "1/2", "--write-data");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?>(small) { ["DESCENTLAB_TEST_KILL_AT"] = "4" }, "run", config, "--out", "part", "--shard", "1/2", "--write-data", "--parallel", "1");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        var resumed = DescentLabProcess.Run(temp.FullPath, small, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(Directory.GetFiles(temp.PathOf("part", "data")), Is.Not.Empty, "--write-data holds after the resume");
        AssertSameBytes(temp.PathOf("reference"), temp.PathOf("part"));
        Assert.That(File.ReadAllText(temp.PathOf("part", "manifest.json")), Does.Contain($"\"command\": \"descentlab run {config} --shard 1/2\""));
    }

    [Test]
    public void Resume_CompleteSetKilledBeforeLatestMoved_CatchesLatestUpButNeverBack()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config).ExitCode, Is.EqualTo(0));
        Assert.That(DescentLabProcess.Run(temp.FullPath, "run", config).ExitCode, Is.EqualTo(0));
        var sets = Directory.GetDirectories(temp.PathOf("reports", "faults")).Select(Path.GetFileName).Where(n => n != "latest").Order(StringComparer.Ordinal).ToList();
        Assert.That(sets, Has.Count.EqualTo(2));
        string latest = temp.PathOf("reports", "faults", "latest");

        // As if killed between the second set completing and latest moving: latest still shows the first.
        File.Delete(latest);
        File.CreateSymbolicLink(latest, sets[0]!);
        var caughtUp = DescentLabProcess.Run(temp.FullPath, "run", "--resume", temp.PathOf("reports", "faults", sets[1]!));
        Assert.That(caughtUp.ExitCode, Is.EqualTo(0), caughtUp.Error);
        Assert.That(new FileInfo(latest).LinkTarget, Is.EqualTo(sets[1]));
        Assert.That(caughtUp.Error, Does.Contain("was behind: it now points at"));

        var older = DescentLabProcess.Run(temp.FullPath, "run", "--resume", temp.PathOf("reports", "faults", sets[0]!));
        Assert.That(older.ExitCode, Is.EqualTo(0), older.Error);
        Assert.That(new FileInfo(latest).LinkTarget, Is.EqualTo(sets[1]), "a resume of an earlier set never moves latest back");
    }

    [Test]
    public void Resume_FolderKilledBeforeItsFirstRecord_IsRemovedWithAMessage()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "2" }, "run", config, "--out", "part");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        Assert.That(File.Exists(temp.PathOf("part", ".resume.json")), Is.False, "killed before the folder recorded how to resume it");

        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(2), resumed.Error);
        Assert.That(resumed.Error, Does.Contain($"{temp.PathOf("part")}: the run folder cannot be resumed: it was killed before it recorded how (no run had started), so it has been removed; start the run again"));
        Assert.That(Directory.Exists(temp.PathOf("part")), Is.False);
    }

    [Test]
    public void Resume_ChangedConfig_IsRefused()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", Config);
        var killed = DescentLabProcess.Run(temp.FullPath, new Dictionary<string, string?> { ["DESCENTLAB_TEST_KILL_AT"] = "3" }, "run", config, "--out", "part");
        Assert.That(killed.ExitCode, Is.EqualTo(SigKillExitCode), killed.Error);
        File.WriteAllText(config, Config.Replace("max_epochs: 10", "max_epochs: 11", StringComparison.Ordinal));

        var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", "part");

        Assert.That(resumed.ExitCode, Is.EqualTo(2), resumed.Error);
        Assert.That(resumed.Error, Does.Contain($"{config} has changed since the run set in {temp.PathOf("part")} started"));
    }

    /// <summary>A folder without INCOMPLETE has its manifest (or is an empty claim), and history calls no set complete
    /// whose manifest is missing.</summary>
    private static void AssertNothingLooksComplete(TempFolder temp, string folder)
    {
        string path = temp.PathOf(folder);
        if (Directory.Exists(path) && !File.Exists(Path.Combine(path, "INCOMPLETE")) && !File.Exists(Path.Combine(path, "manifest.json")))
        {
            // Killed while claiming the folder: nothing but the claim itself may be there.
            var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Where(f => f != ".owner" && !f!.EndsWith(".tmp", StringComparison.Ordinal));
            Assert.That(files, Is.Empty, $"{folder} has files but neither INCOMPLETE nor a manifest");
        }

        string db = temp.PathOf("reports", "history.db");
        if (!File.Exists(db))
        {
            return;
        }

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT run_dir FROM run_sets WHERE complete = 1;";
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            string runDir = reader.GetString(0);
            Assert.That(File.Exists(Path.Combine(runDir, "manifest.json")), Is.True, $"history calls {runDir} complete without a manifest");
        }
    }

    /// <summary>Curves and data byte for byte; summary.csv with its wall_ms column blanked; no journal or marker left.</summary>
    private static void AssertSameBytes(string expectedFolder, string actualFolder)
    {
        Assert.That(File.Exists(Path.Combine(actualFolder, "INCOMPLETE")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(actualFolder, ".runs")), Is.False);
        Assert.That(File.Exists(Path.Combine(actualFolder, "manifest.json")), Is.True);
        Assert.That(File.ReadAllBytes(Path.Combine(actualFolder, "curves.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedFolder, "curves.csv"))), "curves.csv");
        foreach (string sub in new[] { "data" })
        {
            var expected = Directory.GetFiles(Path.Combine(expectedFolder, sub)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var actual = Directory.GetFiles(Path.Combine(actualFolder, sub)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.That(actual, Is.EqualTo(expected), sub);
            foreach (string? file in expected)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actualFolder, sub, file!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedFolder, sub, file!))), $"{sub}/{file}");
            }
        }

        Assert.That(WithoutWallMs(Path.Combine(actualFolder, "summary.csv")), Is.EqualTo(WithoutWallMs(Path.Combine(expectedFolder, "summary.csv"))));
    }

    private static List<string> WithoutWallMs(string summaryPath)
    {
        var lines = File.ReadAllLines(summaryPath);
        int column = Array.IndexOf(lines[0].Split(','), "wall_ms");
        Assert.That(column, Is.EqualTo(lines[0].Split(',').Length - 1), "wall_ms is the last column");
        return [.. lines.Select(line => line[..line.LastIndexOf(',')])];
    }
}
