using DescentLab.Host.Commands;
using DescentLab.Output.History;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History.Stores;

/// <summary><c>history export</c> and <c>history import</c>: SQLite → PostgreSQL → SQLite loses nothing.</summary>
public sealed class HistoryCommandTests
{
    [Test]
    public void SqliteToPostgresToSqlite_ThroughTheFile_AndDirectly_KeepsEveryRunSetRowByRow()
    {
        using var sqlite = new StoreUnderTest(StoreUnderTest.Sqlite);
        using var postgres = new StoreUnderTest(StoreUnderTest.Postgres);
        using var back = new StoreUnderTest(StoreUnderTest.Sqlite);
        using var direct = new StoreUnderTest(StoreUnderTest.Postgres);
        IReadOnlyList<HistoryRecord> original;
        using (var store = sqlite.Open())
        {
            store.Record(AwkwardRuns.Set(), "/srv/reports/nightly/1");
            store.Record(AwkwardRuns.Set(complete: false) with { Manifest = AwkwardRuns.Set().Manifest with { Shard = "1/2", GitCommit = null } }, "/srv/reports/nightly/2");
            long pending = store.Record(AwkwardRuns.Set(), "/srv/reports/nightly/3", pending: true);
            store.MarkComplete(pending);
            original = store.ReadAll();
        }

        string first = sqlite.Folder.PathOf("first.jsonl");
        string second = sqlite.Folder.PathOf("second.jsonl");
        var (exported, _) = Run(o => HistoryCommand.Export(sqlite.Location, first, null, o));
        var (imported, _) = Run(o => HistoryCommand.Import(postgres.Location, first, null, o));
        Run(o => HistoryCommand.Export(postgres.Location, second, null, o));
        Run(o => HistoryCommand.Import(back.Location, second, null, o));
        var (again, _) = Run(o => HistoryCommand.Import(back.Location, second, null, o));
        Run(o => HistoryCommand.Export(sqlite.Location, null, direct.Location.Value, o));

        Assert.That(exported, Is.EqualTo($"exported 3 run sets (12 runs) from {sqlite.Location.Display} to {first}\n"));
        Assert.That(imported, Is.EqualTo($"imported 3 run sets (12 runs) from {first} into {postgres.Location.Display}\n"));
        Assert.That(again, Is.EqualTo($"imported 0 run sets (0 runs) from {second} into {back.Location.Display}; 3 already there, skipped\n"));
        Assert.That(File.ReadAllText(second), Is.EqualTo(File.ReadAllText(first)));
        foreach (var copy in new[] { postgres, back, direct })
        {
            using var store = copy.Open();
            var records = store.ReadAll();
            Assert.That(records.Select(r => r with { Rows = [] }), Is.EqualTo(original.Select(r => r with { Rows = [] })), copy.Location.Display);
            Assert.That(records.Select(r => Bits.OfEach(r.Rows)), Is.EqualTo(original.Select(r => Bits.OfEach(r.Rows))), copy.Location.Display);
        }
    }

    [Test]
    public void Import_FileThatIsNotAnExport_IsBadInputNamingTheLine()
    {
        using var store = new StoreUnderTest(StoreUnderTest.Sqlite);
        string file = store.Folder.Write("history.jsonl", "{\"format\":\"descentlab-history\",\"version\":1}\n{\"config_name\":\"x\"}\n");

        var (_, error) = Run(o => HistoryCommand.Import(store.Location, file, null, o), expectedExit: 2);

        Assert.That(error, Does.StartWith($"history import: {file}:2: "));
    }

    [Test]
    public void Export_WithBothAFileAndAStore_IsBadInput()
    {
        using var store = new StoreUnderTest(StoreUnderTest.Sqlite);

        var (_, error) = Run(o => HistoryCommand.Export(store.Location, "a.jsonl", "b.db", o), expectedExit: 2);

        Assert.That(error, Is.EqualTo("history export: give FILE or --to STORE (one of them)\n"));
    }

    private static (string Out, string Error) Run(Func<CliOutput, int> command, int expectedExit = 0)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exit = command(new CliOutput(output, error));
        Assert.That(exit, Is.EqualTo(expectedExit), error.ToString());
        return (output.ToString(), error.ToString());
    }
}
