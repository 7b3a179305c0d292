using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.History;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History.Stores;

/// <summary>The same history tests against both stores: SQLite and a real PostgreSQL server.</summary>
[TestFixture(StoreUnderTest.Sqlite)]
[TestFixture(StoreUnderTest.Postgres)]
public sealed class HistoryStoreContractTests(string kind)
{
    private StoreUnderTest _store = null!;

    [SetUp]
    public void CreateStore() => _store = new StoreUnderTest(kind);

    [TearDown]
    public void DeleteStore() => _store.Dispose();

    [Test]
    public void Record_ThenLatestComplete_GivesBackEveryRowBitForBit_AndTheMachine()
    {
        using var store = _store.Open();

        long id = store.Record(Set("nightly", AwkwardRuns.Rows(), machine: "ci-a"), "reports/nightly/20250102-030405");
        var latest = store.LatestComplete("nightly", null);

        Assert.That(latest, Is.Not.Null);
        Assert.That(latest!.Id, Is.EqualTo(id));
        Assert.That(latest.Source, Is.EqualTo("previous: reports/nightly/20250102-030405"));
        Assert.That(latest.StartedUtc, Is.EqualTo(AwkwardRuns.Manifest([]).StartedUtc));
        Assert.That(latest.GitCommit, Is.EqualTo("0123456789abcdef"));
        Assert.That(Bits.OfEach(latest.Rows), Is.EqualTo(Bits.OfEach(AwkwardRuns.Rows())));
        Assert.That(latest.Machine, Is.EqualTo("ci-a"));
        Assert.That(latest.Environment, Is.EqualTo(new HistoryEnvironment("ci-a", "Linux", ".NET 10.0.12", "Test CPU @ 2.0GHz", 2, "X64", "1.0.0")));
        Assert.That(store.SchemaVersion, Is.EqualTo(6));
    }

    [Test]
    public void LatestComplete_SkipsIncompleteShardedExcludedOtherConfigsAndOtherMachines()
    {
        using var store = _store.Open();
        long wanted = store.Record(Set("nightly", [AwkwardRuns.Origin("first")]), "a");
        store.Record(Set("nightly", [AwkwardRuns.Origin("incomplete")], complete: false), "b");
        store.Record(Set("nightly", [AwkwardRuns.Origin("shard")], shard: "1/2"), "c");
        store.Record(Set("weekly", [AwkwardRuns.Origin("other")]), "d");
        long elsewhere = store.Record(Set("nightly", [AwkwardRuns.Origin("elsewhere")], machine: "ci-b"), "e");
        long current = store.Record(Set("nightly", [AwkwardRuns.Origin("current")]), "f");

        Assert.That(store.LatestComplete("nightly", null)!.Id, Is.EqualTo(current));
        Assert.That(store.LatestComplete("nightly", current)!.Id, Is.EqualTo(elsewhere), "any machine");
        Assert.That(store.LatestComplete("nightly", current, "ci-a")!.Id, Is.EqualTo(wanted));
        Assert.That(store.LatestComplete("nightly", current, "ci-a")!.Rows.Single().RunId, Is.EqualTo("first"));
        Assert.That(store.LatestComplete("nightly", null, "ci-b")!.Id, Is.EqualTo(elsewhere));
        Assert.That(store.LatestComplete("nightly", null, "ci-c"), Is.Null);
        Assert.That(store.LatestComplete("monthly", null), Is.Null);
    }

    [Test]
    public void Trend_KeepsToOneMachine_UnlessEveryMachineIsAskedFor()
    {
        using var store = _store.Open();
        for (int night = 1; night <= 3; night++)
        {
            foreach (string machine in new[] { "ci-a", "ci-b" })
            {
                double gap = machine == "ci-a" ? 0.1 * night : 10 * night;
                store.Record(Set("nightly", [Run("sgd-1", "sgd", gap, 4)], started: new DateTimeOffset(2025, 1, night, 2, 0, 0, TimeSpan.Zero), machine: machine), $"{machine}/night{night}");
            }
        }

        var mine = store.Trend("nightly", "ci-a", lastN: 2);
        var all = store.Trend("nightly", lastN: 30);

        Assert.That(mine.Select(p => p.MedianFinalGap), Is.EqualTo(new[] { 0.2, 0.30000000000000004 }));
        Assert.That(mine.Select(p => p.Machine), Has.All.EqualTo("ci-a"));
        Assert.That(all.Select(p => p.Machine), Is.EqualTo(new[] { "ci-a", "ci-b", "ci-a", "ci-b", "ci-a", "ci-b" }));
        Assert.That(all.Select(p => p.MedianFinalGap), Is.EqualTo(new[] { 0.1, 10, 0.2, 20, 0.30000000000000004, 30 }));
    }

    [Test]
    public void PendingRunSet_IsNeitherBaselineNorTrend_UntilMarkedComplete()
    {
        using var store = _store.Open();
        long done = store.Record(Set("nightly", [AwkwardRuns.Origin("done")]), "done");
        long interrupted = store.Record(Set("nightly", [AwkwardRuns.Origin("interrupted")]), "interrupted", pending: true);

        Assert.That(store.LatestComplete("nightly", null)!.Id, Is.EqualTo(done), "the interrupted set is no baseline");
        Assert.That(store.Trend("nightly").Select(p => p.RunSetId).Distinct(), Is.EqualTo(new[] { done }));
        Assert.That(store.Trend("nightly", includingRunSetId: interrupted).Select(p => p.RunSetId).Distinct(), Is.EqualTo(new[] { done, interrupted }));

        store.MarkComplete(interrupted);

        Assert.That(store.LatestComplete("nightly", null)!.Id, Is.EqualTo(interrupted));
    }

    [Test]
    public void Record_SameFolderOfTheSameMachineAgain_ReplacesIt_AnotherMachinesIsKept()
    {
        using var store = _store.Open();
        store.Record(Set("nightly", [AwkwardRuns.Origin("a-first")], machine: "ci-a"), "/srv/reports/nightly/1");
        store.Record(Set("nightly", [AwkwardRuns.Origin("b")], machine: "ci-b"), "/srv/reports/nightly/1");
        store.Record(Set("nightly", [AwkwardRuns.Origin("a-resumed")], machine: "ci-a"), "/srv/reports/nightly/1");

        var all = store.ReadAll();

        Assert.That(all.Select(r => (r.Environment.Machine, r.Rows.Single().RunId)), Is.EqualTo(new[] { ("ci-b", "b"), ("ci-a", "a-resumed") }));
    }

    [Test]
    public void Record_ThatFailsHalfway_LeavesNothingBehind()
    {
        using var store = _store.Open();
        store.Record(Set("nightly", [AwkwardRuns.Origin("kept")]), "kept");

        // The third row repeats a run id: the insert fails after two rows were written.
        SummaryRow[] rows = [AwkwardRuns.Origin("x"), AwkwardRuns.Origin("y"), AwkwardRuns.Origin("x")];
        var error = Assert.Throws<HistoryException>(() => store.Record(Set("nightly", rows), "broken"));

        Assert.That(error!.Message, Does.StartWith(store.DatabasePath + ": cannot use the history database: "));
        Assert.That(store.ReadAll().Select(r => r.RunDir), Is.EqualTo(new[] { "kept" }));
        Assert.That(Convert.ToInt64(_store.Scalar("SELECT count(*) FROM runs;")), Is.EqualTo(1));
    }

    [Test]
    public void FourWritersAtOnce_ThreeRunSetsEach_NothingLostOrDuplicated_AndTheInterruptedOnesNeverComplete()
    {
        const int Writers = 4;
        const int SetsPerWriter = 3;
        const int RowsPerSet = 25;
        _store.Open().Dispose();
        using var start = new Barrier(Writers);

        void Writer(string name)
        {
            using var store = _store.Open();
            Assert.That(start.SignalAndWait(TimeSpan.FromMinutes(1)), Is.True, "a writer never arrived");
            for (int i = 0; i < SetsPerWriter; i++)
            {
                var rows = Enumerable.Range(0, RowsPerSet).Select(r => AwkwardRuns.Origin($"{name}-{i}-{r}")).ToArray();
                long id = store.Record(Set("nightly", rows, machine: name), $"{name}/{i}", pending: true);
                store.Record(Set("nightly", [AwkwardRuns.Origin($"{name}-{i}-killed")], machine: name), $"{name}/{i}-killed", pending: true);
                store.MarkComplete(id);
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(() => Writer($"m{w}"), TaskCreationOptions.LongRunning)).ToArray();
        Assert.That(Task.WaitAll(writers, TimeSpan.FromMinutes(2)), Is.True, "the writers did not finish");

        using var check = _store.Open();
        var all = check.ReadAll();
        var complete = all.Where(r => r.Complete).ToList();
        Assert.That(all, Has.Count.EqualTo(Writers * SetsPerWriter * 2));
        Assert.That(complete.Select(r => r.RunDir).Order(), Is.EqualTo(Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, SetsPerWriter).Select(i => $"m{w}/{i}")).Order()));
        Assert.That(complete.Select(r => r.Rows.Count), Has.All.EqualTo(RowsPerSet));
        Assert.That(complete.SelectMany(r => r.Rows).Select(r => r.RunId).Distinct().Count(), Is.EqualTo(Writers * SetsPerWriter * RowsPerSet));
        Assert.That(complete.All(r => r.Rows.Select(row => row.RunId).SequenceEqual(Enumerable.Range(0, RowsPerSet).Select(i => $"{r.RunDir.Replace('/', '-')}-{i}"))), Is.True, "rows keep plan order");
        Assert.That(all.Where(r => !r.Complete).Select(r => r.RunDir), Has.All.EndsWith("-killed"));
        Assert.That(Enumerable.Range(0, Writers).Select(w => check.LatestComplete("nightly", null, $"m{w}")!.RunDir), Is.EqualTo(Enumerable.Range(0, Writers).Select(w => $"m{w}/2")));
    }

    [Test]
    public void ReadAllThenImport_IntoAnEmptyStore_GivesEveryRunSetBack_AndImportingAgainAddsNothing()
    {
        using var source = _store.Open();
        source.Record(Set("nightly", AwkwardRuns.Rows(), machine: "ci-a"), "a");
        source.Record(Set("nightly", [AwkwardRuns.Failed()], complete: false, shard: "2/3"), "b");
        var records = source.ReadAll();
        using var other = new StoreUnderTest(kind);
        using var target = other.Open();

        bool[] first = [.. records.Select(target.Import)];
        bool[] again = [.. records.Select(target.Import)];
        var copied = target.ReadAll();

        Assert.That(first, Has.All.True);
        Assert.That(again, Has.All.False);
        Assert.That(copied.Select(r => r with { Rows = [] }), Is.EqualTo(records.Select(r => r with { Rows = [] })));
        Assert.That(copied.Select(r => Bits.OfEach(r.Rows)), Is.EqualTo(records.Select(r => Bits.OfEach(r.Rows))));
    }

    [Test]
    public void Open_TablesOfAnotherApplication_FailsAndLeavesThemUnchanged()
    {
        _store.Execute("CREATE TABLE runs (text TEXT); INSERT INTO runs VALUES ('mine');");

        var error = Assert.Throws<HistoryException>(() => _store.Open().Dispose());

        Assert.That(error!.Message, Does.StartWith(_store.Location.Display + ": not a DescentLab history database"));
        Assert.That(_store.Scalar("SELECT text FROM runs;"), Is.EqualTo("mine"));
    }

    [Test]
    public void Open_NewerSchemaVersion_AsksForAnUpgrade()
    {
        _store.Open().Dispose();
        _store.Execute(kind == StoreUnderTest.Postgres ? "UPDATE history_schema SET version = 99;" : "PRAGMA user_version = 99;");

        var error = Assert.Throws<HistoryException>(() => _store.Open().Dispose());

        Assert.That(error!.Message, Is.EqualTo(_store.Location.Display + ": history schema version 99 is newer than this DescentLab understands (6); upgrade DescentLab"));
    }

    [Test]
    public void Open_VersionThreeDatabase_UpgradesInPlace_ItsRunSetsOfUnknownMachineCountForEveryMachine()
    {
        using (var v3 = _store.Open())
        {
            v3.Record(Set("nightly", [AwkwardRuns.Origin("old")], machine: "ignored"), "old");
        }

        // Back to version 3 as it was: no machine columns, no trial or phase, no trend points, the run set recorded without them.
        string drop = string.Join(' ', new[] { "machine", "operating_system", "runtime", "cpu_model", "processors", "architecture", "descentlab_version" }
            .Select(c => $"ALTER TABLE run_sets DROP COLUMN {c};")) + " ALTER TABLE runs DROP COLUMN trial; ALTER TABLE runs DROP COLUMN phase; DROP TABLE trend_points;";
        _store.Execute("DROP INDEX run_sets_by_machine; " + drop + (kind == StoreUnderTest.Postgres ? " UPDATE history_schema SET version = 3;" : " PRAGMA user_version = 3;"));

        using var store = _store.Open();
        var old = store.LatestComplete("nightly", null, "ci-a");
        long added = store.Record(Set("nightly", [AwkwardRuns.Logistic()], machine: "ci-b"), "new");

        Assert.That(store.SchemaVersion, Is.EqualTo(6));
        Assert.That(old!.Rows.Single().RunId, Is.EqualTo("old"));
        Assert.That(old.Environment, Is.EqualTo(HistoryEnvironment.Unknown));
        Assert.That(store.LatestComplete("nightly", null, "ci-b")!.Id, Is.EqualTo(added));
        Assert.That(store.LatestComplete("nightly", added, "ci-b")!.Id, Is.EqualTo(old.Id), "a run set of unknown machine is every machine's");
    }

    [Test]
    public void Trend_ReadsEachRunSetsStoredPoints_AndComputesThemFromTheRunsOfASetRecordedWithout()
    {
        var first = AwkwardRuns.Rows();
        SummaryRow[] second = [.. AwkwardRuns.Rows().Select(r => r with { FinalGap = r.FinalGap * 2, EpochsToTarget = r.EpochsToTarget + 1 })];
        long older;
        long newer;
        using (var store = _store.Open())
        {
            older = store.Record(Set("nightly", first, started: new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero)), "first");
            newer = store.Record(Set("nightly", second, started: new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero)), "second");
        }

        // The first as a set recorded before points were stored.
        _store.Execute($"DELETE FROM trend_points WHERE run_set_id = {older};");
        using var reopened = _store.Open();
        var trend = reopened.Trend("nightly", "ci-a");

        var expected = TrendPoints.Of(older, new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero), "0123456789abcdef", first)
            .Concat(TrendPoints.Of(newer, new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero), "0123456789abcdef", second))
            .Select(p => p with { Machine = "ci-a" })
            .ToList();
        Assert.That(Convert.ToInt64(_store.Scalar($"SELECT count(*) FROM trend_points WHERE run_set_id = {newer};"), CultureInfo.InvariantCulture), Is.EqualTo(expected.Count(p => p.RunSetId == newer)));
        Assert.That(expected.Select(p => p.MedianFinalGap), Has.Some.NaN, "the awkward runs include a NaN median, stored as NULL");
        Assert.That(trend.Select(Describe), Is.EqualTo(expected.Select(Describe)));
    }

    /// <summary>A point with its doubles as bits, so NaN equals NaN and nothing is rounded.</summary>
    private static string Describe(TrendPoint p) => string.Join(
        '|',
        p.RunSetId,
        p.StartedUtc.ToString("O", CultureInfo.InvariantCulture),
        p.Commit,
        p.Machine,
        p.Problem,
        p.Setting,
        p.Variant,
        BitConverter.DoubleToInt64Bits(p.MedianFinalGap),
        p.MedianEpochsToTarget is { } e ? BitConverter.DoubleToInt64Bits(e) : "none",
        p.Leader,
        p.MedianAccuracy is { } a ? BitConverter.DoubleToInt64Bits(a) : "none");

    private static RunSet Set(string name, IReadOnlyList<SummaryRow> rows, bool complete = true, string? shard = null, DateTimeOffset? started = null, string machine = "ci-a")
    {
        var manifest = AwkwardRuns.Manifest([], complete) with { Name = name, Shard = shard };
        manifest = manifest with { Machine = manifest.Machine with { Name = machine, CpuModel = "Test CPU @ 2.0GHz" } };
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
}
