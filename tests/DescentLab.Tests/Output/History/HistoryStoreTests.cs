using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.History;
using DescentLab.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History;

public sealed class HistoryStoreTests
{
    [Test]
    public void LatestComplete_AfterRecord_GivesBackTheRowsInOrder()
    {
        using var folder = new TempFolder();
        using var store = new HistoryStore(folder.PathOf("reports", "history.db"));

        long id = store.Record(Set("nightly", AwkwardRuns.Rows()), "reports/nightly/20250102-030405");
        var latest = store.LatestComplete("nightly", null);

        Assert.That(latest, Is.Not.Null);
        Assert.That(latest!.Id, Is.EqualTo(id));
        Assert.That(latest.RunDir, Is.EqualTo("reports/nightly/20250102-030405"));
        Assert.That(latest.Source, Is.EqualTo("previous: reports/nightly/20250102-030405"));
        Assert.That(latest.StartedUtc, Is.EqualTo(AwkwardRuns.Manifest([]).StartedUtc));
        Assert.That(latest.GitCommit, Is.EqualTo("0123456789abcdef"));
        Assert.That(Bits.OfEach(latest.Rows), Is.EqualTo(Bits.OfEach(AwkwardRuns.Rows())));
    }

    [Test]
    public void LatestComplete_SkipsIncompleteShardedExcludedAndOtherConfigs()
    {
        using var folder = new TempFolder();
        using var store = HistoryStore.OpenInReportsRoot(folder.FullPath);
        long wanted = store.Record(Set("nightly", [AwkwardRuns.Origin("first")]), "a");
        store.Record(Set("nightly", [AwkwardRuns.Origin("incomplete")], complete: false), "b");
        store.Record(Set("nightly", [AwkwardRuns.Origin("shard")], shard: "1/2"), "c");
        store.Record(Set("weekly", [AwkwardRuns.Origin("other")]), "d");
        long current = store.Record(Set("nightly", [AwkwardRuns.Origin("current")]), "e");

        Assert.That(store.LatestComplete("nightly", null)!.Id, Is.EqualTo(current));
        Assert.That(store.LatestComplete("nightly", current)!.Id, Is.EqualTo(wanted));
        Assert.That(store.LatestComplete("nightly", current)!.Rows.Single().RunId, Is.EqualTo("first"));
        Assert.That(store.LatestComplete("monthly", null), Is.Null);
    }

    [Test]
    public void Trend_GivesMediansPerProblemAndSettingOldestFirst()
    {
        using var folder = new TempFolder();
        using var store = HistoryStore.OpenInReportsRoot(folder.FullPath);
        for (int night = 1; night <= 4; night++)
        {
            SummaryRow[] rows =
            [
                Run("sgd-1", "sgd", 0.1 * night, 4),
                Run("adam-1", "adam", 5, null),
                Run("sgd-2", "sgd", 0.3 * night, 8),
                Run("sgd-3", "sgd", 0.2 * night, null),
                Run("adam-2", "adam", double.NaN, 3),
            ];
            store.Record(Set("nightly", rows, started: new DateTimeOffset(2025, 1, night, 2, 0, 0, TimeSpan.Zero)), $"night{night}");
        }

        var trend = store.Trend("nightly", lastN: 3);

        Assert.That(trend.Select(p => (p.RunSetId, p.Variant)), Is.EqualTo(new[] { (2L, "sgd"), (2L, "adam"), (3L, "sgd"), (3L, "adam"), (4L, "sgd"), (4L, "adam") }));
        Assert.That(trend[0].StartedUtc, Is.EqualTo(new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero)));
        Assert.That(trend[0].MedianFinalGap, Is.EqualTo(0.4).Within(1e-15));
        Assert.That(trend[0].MedianEpochsToTarget, Is.EqualTo(8), "lower median of 4, 8 and never: the seed that never reached the target counts");
        Assert.That(trend[1].MedianFinalGap, Is.NaN, "NaN (diverged) ranks above every gap; the median of 5 and NaN is NaN");
        Assert.That(trend[1].MedianEpochsToTarget, Is.EqualTo(3));
        Assert.That(trend[4].MedianFinalGap, Is.EqualTo(0.8).Within(1e-15));
    }

    [Test]
    public void Record_TwoWritersAtOnce_KeepEveryRunSetIntact()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("history.db");
        const int SetsPerWriter = 15;
        const int RowsPerSet = 40;
        using var start = new Barrier(2);

        void Writer(string name)
        {
            // A writer that fails to open must not leave the other waiting forever at the barrier.
            using var store = OpenOrRelease(path, start);
            Assert.That(start.SignalAndWait(TimeSpan.FromMinutes(1)), Is.True, "the other writer never arrived");
            for (int i = 0; i < SetsPerWriter; i++)
            {
                var rows = Enumerable.Range(0, RowsPerSet).Select(r => AwkwardRuns.Origin($"{name}-{i}-{r}")).ToArray();
                store.Record(Set(name, rows), $"{name}/{i}");
            }
        }

        var writers = new[] { "a", "b" }.Select(name => Task.Factory.StartNew(() => Writer(name), TaskCreationOptions.LongRunning)).ToArray();
        Assert.That(Task.WaitAll(writers, TimeSpan.FromMinutes(2)), Is.True, "the writers did not finish");

        using var check = Open(path);
        Assert.That(Scalar(check, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
        Assert.That(Scalar(check, "PRAGMA journal_mode;"), Is.EqualTo("wal"));
        Assert.That(Scalar(check, "SELECT count(*) FROM run_sets;"), Is.EqualTo(2L * SetsPerWriter));
        Assert.That(Scalar(check, "SELECT count(*) FROM runs;"), Is.EqualTo(2L * SetsPerWriter * RowsPerSet));
        Assert.That(Scalar(check, "SELECT count(*) FROM (SELECT run_set_id FROM runs GROUP BY run_set_id HAVING count(*) <> 40);"), Is.Zero);
    }

    private static HistoryStore OpenOrRelease(string path, Barrier start)
    {
        try
        {
            return new HistoryStore(path);
        }
        catch
        {
            start.RemoveParticipant();
            throw;
        }
    }

    [Test]
    public void Open_VersionOneFile_MigratesAndKeepsItsData()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("history.db");
        using (var v1 = Open(path))
        {
            Execute(v1, VersionOne);
        }

        using var store = new HistoryStore(path);
        var old = store.LatestComplete("nightly", null);
        long added = store.Record(Set("nightly", [AwkwardRuns.Logistic()]), "new");

        Assert.That(store.SchemaVersion, Is.EqualTo(6));
        Assert.That(old!.Id, Is.EqualTo(1));
        Assert.That(old.RunDir, Is.EqualTo("reports/nightly/20240101-020000"));
        Assert.That(old.GitCommit, Is.Null);
        Assert.That(old.Rows.Select(r => (r.RunId, r.Dataset, r.Model, r.Variant, r.Seed, r.Status, r.EpochsToTarget)), Is.EqualTo(new[]
        {
            ("beans1-s1/origin/sgd", "beans1", "origin", "sgd", 1UL, RunStatus.Converged, (int?)7),
            ("beans1-s1/origin/batch", "beans1", "origin", "batch", 1UL, RunStatus.Diverged, (int?)null),
        }));
        Assert.That(old.Rows.Select(r => r.FinalGap), Is.EqualTo(new[] { 1e-7, double.NaN }));
        Assert.That(old.Rows[0].FinalParameters, Is.Empty);
        Assert.That(old.Rows.Select(r => (r.OptimumKind, r.Accuracy)), Has.All.EqualTo(((ReferenceKind?)null, (double?)null)));
        Assert.That(store.LatestComplete("nightly", null)!.Id, Is.EqualTo(added));
    }

    [Test]
    public void Open_FileThatIsNotSqlite_FailsAndLeavesItUnchanged()
    {
        using var folder = new TempFolder();
        string path = folder.Write("history.db", "date,value\n2025-01-01,3\n" + new string('x', 200));
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<HistoryException>(() => new HistoryStore(path).Dispose());

        Assert.That(error.Path, Is.EqualTo(path));
        Assert.That(error.Message, Does.StartWith(path + ": "));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
    }

    [TestCase("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")]
    [TestCase("PRAGMA user_version = 2;")]
    [TestCase("PRAGMA application_id = 42; PRAGMA user_version = 2; CREATE TABLE run_sets (x);")]
    public void Open_AnotherApplicationsSqliteFile_FailsAndLeavesItUnchanged(string setup)
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("history.db");
        using (var foreign = Open(path))
        {
            Execute(foreign, setup);
        }

        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<HistoryException>(() => new HistoryStore(path).Dispose());

        Assert.That(error.Message, Does.StartWith(path + ": not a DescentLab history database"));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(File.Exists(path + "-wal"), Is.False);
    }

    [Test]
    public void Open_NewerSchemaVersion_AsksForAnUpgrade()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("history.db");
        new HistoryStore(path).Dispose();
        using (var newer = Open(path))
        {
            Execute(newer, "PRAGMA user_version = 99;");
        }

        var error = Assert.Throws<HistoryException>(() => new HistoryStore(path).Dispose());

        Assert.That(error.Message, Is.EqualTo(path + ": history schema version 99 is newer than this DescentLab understands (6); upgrade DescentLab"));
    }

    [Test]
    public void Open_CorruptHistory_FailsWithAHistoryException()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("history.db");
        using (var store = new HistoryStore(path))
        {
            store.Record(Set("nightly", AwkwardRuns.Rows()), "a");
        }

        using (var checkpoint = Open(path))
        {
            Execute(checkpoint, "PRAGMA journal_mode = DELETE;");
        }

        byte[] bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xA5, 0, 100);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<HistoryException>(() => new HistoryStore(path).Dispose());

        Assert.That(error.Message, Does.StartWith(path + ": "));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
    }

    /// <summary>Schema v1 exactly as the first release wrote it, with two runs.</summary>
    private const string VersionOne =
        """
        PRAGMA application_id = 1145849929;
        CREATE TABLE run_sets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            config_name TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            finished_utc TEXT NOT NULL,
            complete INTEGER NOT NULL,
            run_dir TEXT NOT NULL);
        CREATE INDEX run_sets_by_config ON run_sets (config_name, complete, id);
        CREATE TABLE runs (
            run_set_id INTEGER NOT NULL REFERENCES run_sets (id),
            run_id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            model TEXT NOT NULL,
            variant TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status TEXT NOT NULL,
            final_gap REAL,
            epochs_to_target INTEGER,
            PRIMARY KEY (run_set_id, run_id));
        PRAGMA user_version = 1;
        INSERT INTO run_sets VALUES (1, 'nightly', 'ab12', '2024-01-01T02:00:00.0000000+00:00', '2024-01-01T02:01:00.0000000+00:00', 1, 'reports/nightly/20240101-020000');
        INSERT INTO runs VALUES (1, 'beans1-s1/origin/sgd', 'beans1', 'origin', 'sgd', 1, 'converged', 1e-7, 7);
        INSERT INTO runs VALUES (1, 'beans1-s1/origin/batch', 'beans1', 'origin', 'batch', 1, 'diverged', NULL, NULL);
        """;

    private static RunSet Set(string name, IReadOnlyList<SummaryRow> rows, bool complete = true, string? shard = null, DateTimeOffset? started = null)
    {
        var manifest = AwkwardRuns.Manifest([], complete) with { Name = name, Shard = shard };
        return new RunSet
        {
            Manifest = started is { } s ? manifest with { StartedUtc = s } : manifest,
            Rows = rows,
            Curves = CurveMap.Empty,
            Datasets = new Dictionary<string, DescentLab.Core.Datasets.Dataset>(),
        };
    }

    private static SummaryRow Run(string runId, string variant, double gap, int? epochs) =>
        AwkwardRuns.Origin(runId) with { Variant = variant, FinalGap = gap, EpochsToTarget = epochs };

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
