using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.History;
using DescentLab.Output.Json;
using DescentLab.Output.Retention;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Retention;

public sealed class ReportsPrunerTests
{
    private static readonly double[] SixNights = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5];

    [Test]
    public void KeepLast_RemovesAllButTheNewestN()
    {
        using var reports = Nightly(out _);

        var outcome = Prune(reports, new RetentionPolicy { KeepLast = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(reports.Left("nightly"), Is.EqualTo(Names(1.5, 2.5).Append("latest").Order(StringComparer.Ordinal)));
            Assert.That(outcome.Removed.Select(i => i.Kind), Is.All.EqualTo(PruneKind.CompleteSet));
            Assert.That(outcome.Removed[0].Reason, Is.EqualTo("complete, not among the newest 2"));
            Assert.That(outcome.Failed, Is.Empty);
        });
    }

    [Test]
    public void KeepDays_RemovesSetsOlderThanDDays()
    {
        using var reports = Nightly(out _);

        var outcome = Prune(reports, new RetentionPolicy { KeepDays = 4 });

        Assert.Multiple(() =>
        {
            Assert.That(reports.Left("nightly"), Is.EqualTo(Names(1.5, 2.5, 3.5).Append("latest").Order(StringComparer.Ordinal)));
            Assert.That(outcome.Removed.Select(i => i.Reason), Has.Member("complete, 4.5 days old (keep 4)"));
        });
    }

    [Test]
    public void KeepLastAndDays_KeepsASetThatEitherRuleKeeps()
    {
        using var reports = Nightly(out _);

        Prune(reports, new RetentionPolicy { KeepLast = 5, KeepDays = 2 });

        Assert.That(reports.Left("nightly"), Is.EqualTo(Names(1.5, 2.5, 3.5, 4.5, 5.5).Append("latest").Order(StringComparer.Ordinal)));
    }

    [Test]
    public void NoRules_KeepsEveryCompleteSet()
    {
        using var reports = Nightly(out _);

        var outcome = Prune(reports, new RetentionPolicy());

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Removed, Is.Empty);
            Assert.That(reports.Left("nightly"), Has.Length.EqualTo(7));
        });
    }

    [Test]
    public void LatestTargetAndBaselineSet_AreNeverRemoved()
    {
        using var reports = new FakeReports();
        var sets = SixNights.Select(d => reports.Complete("nightly", d)).ToArray();
        reports.Latest("nightly", sets[4]);
        using (var history = HistoryStore.OpenInReportsRoot(reports.Root))
        {
            history.Record(Recorded("nightly"), sets[5]);
        }

        Prune(reports, new RetentionPolicy { KeepLast = 1 });

        Assert.That(reports.Left("nightly"), Is.EqualTo(Names(1.5, 5.5, 6.5).Append("latest").Order(StringComparer.Ordinal)));
    }

    [Test]
    public void SameSecondSuffix_OrdersAfterItsStamp()
    {
        using var reports = new FakeReports();
        reports.Complete("nightly", 3, k: 2);
        reports.Complete("nightly", 3, k: 10);
        reports.Complete("nightly", 3);

        Prune(reports, new RetentionPolicy { KeepLast = 1 });

        Assert.That(reports.Left("nightly"), Is.EqualTo(new[] { FakeReports.Stamp(3, 10) }));
    }

    [Test]
    public void IncompleteFolders_GoAfterTheGracePeriodOnly()
    {
        using var reports = new FakeReports();
        string marked = reports.Incomplete("nightly", 5, idleHours: 80, marked: true);
        string unmarked = reports.Incomplete("nightly", 4, idleHours: 73, marked: false);
        string running = reports.Incomplete("nightly", 6, idleHours: 1, marked: false);

        var outcome = Prune(reports, new RetentionPolicy { GraceHours = 72 });

        Assert.Multiple(() =>
        {
            Assert.That(reports.Left("nightly"), Is.EqualTo(new[] { Path.GetFileName(running) }));
            Assert.That(outcome.Removed.Select(i => (i.Path, i.Kind, i.Reason)), Is.EquivalentTo(new[]
            {
                (marked, PruneKind.IncompleteFolder, "incomplete (marked INCOMPLETE), no write for 80.0 h"),
                (unmarked, PruneKind.IncompleteFolder, "incomplete (no manifest.json), no write for 73.0 h"),
            }));
        });
    }

    [Test]
    public void TemporaryFiles_GoAfterTheGracePeriod_OtherFilesAndFoldersStay()
    {
        using var reports = new FakeReports();
        string set = reports.Complete("nightly", 1);
        string stale = reports.File(Path.Combine("nightly", Path.GetFileName(set), ".summary.csv.41.0a1b.tmp"), hoursAgo: 100);
        string fresh = reports.File(Path.Combine("nightly", Path.GetFileName(set), ".report.md.42.0a1c.tmp"), hoursAgo: 2);
        string staleLink = reports.File(Path.Combine("nightly", "latest.43.0a1d.tmp"), hoursAgo: 200);
        string log = reports.File(Path.Combine("logs", "descentlab-20261101.clef"), hoursAgo: 1000);
        string notARunSet = reports.File(Path.Combine("nightly", "2026-old", "notes.txt"), hoursAgo: 1000);

        var outcome = Prune(reports, new RetentionPolicy { KeepDays = 1000 });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Removed.Select(i => i.Path), Is.EquivalentTo(new[] { stale, staleLink }));
            Assert.That(outcome.Removed.Select(i => i.Kind), Is.All.EqualTo(PruneKind.TemporaryFile));
            Assert.That(new[] { fresh, log, notARunSet }.Where(File.Exists).ToArray(), Has.Length.EqualTo(3));
            Assert.That(File.Exists(stale) || File.Exists(staleLink), Is.False);
        });
    }

    [Test]
    public void DryRun_ListsWhatARealRunRemoves_AndRemovesNothing()
    {
        using var reports = Nightly(out _);
        reports.Incomplete("nightly", 9, idleHours: 100, marked: true);
        var policy = new RetentionPolicy { KeepLast = 3 };

        var dry = Prune(reports, policy, dryRun: true);
        string[] before = reports.Left("nightly");
        var real = Prune(reports, policy);

        Assert.Multiple(() =>
        {
            Assert.That(before, Has.Length.EqualTo(8));
            Assert.That(dry.Removed, Is.EqualTo(real.Removed));
            Assert.That(real.Removed, Has.Count.EqualTo(4));
            Assert.That(reports.Left("nightly"), Has.Length.EqualTo(4));
        });
    }

    [Test]
    public void UnreadableHistory_KeepsEveryCompleteSet_AndSaysSo()
    {
        using var reports = Nightly(out _);
        string database = reports.File(HistoryStore.FileName, hoursAgo: 1);
        File.WriteAllText(database, "this is not a SQLite database, but it is long enough to have a header..............");

        var outcome = Prune(reports, new RetentionPolicy { KeepLast = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Removed, Is.Empty);
            Assert.That(outcome.Notes.Single(), Does.StartWith($"{database} could not be read (").And.EndWith("); every complete run set is kept"));
            Assert.That(reports.Left("nightly"), Has.Length.EqualTo(7));
        });
    }

    [TestCase(-1, 0, 72, "Retention:KeepLast must be >= 0 (0 = no count rule), got -1")]
    [TestCase(0, -2, 72, "Retention:KeepDays must be a number >= 0 (0 = no age rule), got -2")]
    [TestCase(0, 0, 0, "Retention:GraceHours must be a number > 0, got 0")]
    public void BadPolicy_IsRefusedWithItsSetting(int keepLast, double keepDays, double graceHours, string message)
    {
        using var reports = Nightly(out _);
        var policy = new RetentionPolicy { KeepLast = keepLast, KeepDays = keepDays, GraceHours = graceHours };

        Assert.Multiple(() =>
        {
            Assert.That(policy.Problem(), Is.EqualTo(message));
            Assert.That(() => Prune(reports, policy), Throws.ArgumentException.With.Message.StartWith(message));
            Assert.That(reports.Left("nightly"), Has.Length.EqualTo(7));
        });
    }

    [Test]
    public void ShardedSets_AreKeptAndRemovedWhole_CompleteOnlyOnceMerged()
    {
        using var reports = new FakeReports();
        string old = Sharded(reports, daysAgo: 9, idleHours: 9 * 24, "1/2", "2/2", null);
        string kept = Sharded(reports, daysAgo: 8, idleHours: 8 * 24, "1/2", "2/2", null);
        string unmerged = Sharded(reports, daysAgo: 7, idleHours: 7 * 24, "1/2", "2/2");
        string running = Sharded(reports, daysAgo: 0.1, idleHours: 1, "1/2");
        string failedMerge = Sharded(reports, daysAgo: 6, idleHours: 6 * 24, "1/2", "2/2", "incomplete");

        var outcome = Prune(reports, new RetentionPolicy { KeepLast = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(reports.Left("runs"), Is.EqualTo(new[] { Path.GetFileName(kept), Path.GetFileName(running) }.Order(StringComparer.Ordinal)));
            Assert.That(Directory.GetFileSystemEntries(kept).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "merged", "shard-1", "shard-2" }));
            Assert.That(outcome.Removed.Select(i => (i.Path, i.Kind, i.Reason)), Is.EquivalentTo(new[]
            {
                (old, PruneKind.CompleteSet, "complete, not among the newest 1"),
                (unmerged, PruneKind.IncompleteFolder, "incomplete (shards without a complete merge), no write for 168.0 h"),
                (failedMerge, PruneKind.IncompleteFolder, "incomplete (shards without a complete merge), no write for 144.0 h"),
            }));
        });
    }

    /// <summary>A sharded run set under <c>runs/</c>: shard-K folders with the given shard manifests, then a merged/ folder
    /// when a null shard is given (complete) or "incomplete" (an incomplete merge); every file last written
    /// <paramref name="idleHours"/> before now.</summary>
    private static string Sharded(FakeReports reports, double daysAgo, double idleHours, params string?[] shards)
    {
        string set = Path.Combine(reports.Root, "runs", FakeReports.Stamp(daysAgo));
        int k = 0;
        foreach (string? shard in shards)
        {
            string folder = Path.Combine(set, shard is null or "incomplete" ? "merged" : $"shard-{++k}");
            Directory.CreateDirectory(folder);
            using (var writer = new StreamWriter(Path.Combine(folder, "manifest.json")))
            {
                ManifestJson.Write(writer, AwkwardRuns.Manifest([], complete: shard != "incomplete") with { Shard = shard is "incomplete" ? null : shard }, Path.Combine(folder, "manifest.json"));
            }
        }

        var written = FakeReports.Now.AddHours(-idleHours).UtcDateTime;
        foreach (var entry in new DirectoryInfo(set).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Append(new DirectoryInfo(set)))
        {
            entry.LastWriteTimeUtc = written;
        }

        return set;
    }

    /// <summary>Six complete nights of "nightly", latest at the newest.</summary>
    internal static FakeReports Nightly(out string[] sets)
    {
        var reports = new FakeReports();
        sets = SixNights.Select(d => reports.Complete("nightly", d)).ToArray();
        reports.Latest("nightly", sets[0]);
        return reports;
    }

    private static PruneOutcome Prune(FakeReports reports, RetentionPolicy policy, bool dryRun = false) =>
        new ReportsPruner(new FakeTimeProvider(FakeReports.Now)).Prune(reports.Root, policy, dryRun);

    private static IEnumerable<string> Names(params double[] daysAgo) => daysAgo.Select(d => FakeReports.Stamp(d));

    private static RunSet Recorded(string name) => new()
    {
        Manifest = AwkwardRuns.Manifest([], complete: true) with { Name = name },
        Rows = [],
        Curves = CurveMap.Empty,
        Datasets = new Dictionary<string, DescentLab.Core.Datasets.Dataset>(),
    };
}
