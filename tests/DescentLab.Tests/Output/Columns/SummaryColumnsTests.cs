using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;
using DescentLab.Output.Csv;
using DescentLab.Output.History;
using DescentLab.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Columns;

/// <summary>Every summary column, taken from the column list, survives summary.csv and history.db; a new column gets its
/// test cases without edits here.</summary>
public sealed class SummaryColumnsTests
{
    private static IEnumerable<TestCaseData> HistoryColumns() =>
        SummaryColumns.History.Select(c => new TestCaseData(c.Name).SetName($"{nameof(SummaryColumnsTests)}.{c.Name}"));

    private static IEnumerable<TestCaseData> CsvColumns() =>
        SummaryColumns.History.Where(c => c != SummaryColumns.FinalParameters).Select(c => new TestCaseData(c.Name).SetName($"{nameof(SummaryColumnsTests)}.csv.{c.Name}"));

    [TestCaseSource(nameof(HistoryColumns))]
    public void TestRows_GiveEveryColumnAValueOtherThanTheBlankOne(string name)
    {
        var column = Column(name);

        // Otherwise a round trip could pass by reading nothing at all.
        Assert.That(AwkwardRuns.Rows().Select(column.Format), Has.Some.Not.EqualTo(column.Format(SummaryColumns.Blank)));
    }

    [TestCaseSource(nameof(CsvColumns))]
    [SetCulture("de-DE")]
    public void SummaryCsv_WriteThenRead_KeepsTheColumn(string name)
    {
        var column = Column(name);
        using var folder = new TempFolder();
        var rows = AwkwardRuns.Rows();
        string path = folder.Write(SummaryCsv.FileName, Write(rows));

        var read = SummaryCsv.Read(path);

        Assert.That(read.Select(column.Format), Is.EqualTo(rows.Select(column.Format)));
    }

    [TestCaseSource(nameof(HistoryColumns))]
    public void History_RecordThenRead_KeepsTheColumn(string name)
    {
        var column = Column(name);
        using var folder = new TempFolder();
        var set = AwkwardRuns.Set();
        using var store = new HistoryStore(folder.PathOf(HistoryStore.FileName));
        long id = store.Record(set, folder.FullPath);

        var read = store.LatestComplete(set.Manifest.Name, excludingRunSetId: null)!.Rows;

        // SQLite keeps no NaN: a NaN reads back as the column's empty value, which ToSql shows as null either way.
        Assert.That(read.Select(column.ToSql), Is.EqualTo(set.Rows.Select(column.ToSql)));
        Assert.That(id, Is.Positive);
    }

    [Test]
    public void HistorySchema_AfterEveryMigration_HasOneColumnOfTheRightTypePerSummaryColumn()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf(HistoryStore.FileName);
        new HistoryStore(path).Dispose();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT name, type FROM pragma_table_info('runs') WHERE name <> 'run_set_id' ORDER BY name;";
        var actual = new List<string>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                actual.Add(reader.GetString(0) + " " + reader.GetString(1));
            }
        }

        var expected = SummaryColumns.History.Select(c => c.Name + " " + c.SqlType).Order(StringComparer.Ordinal);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void SummaryCsv_FileWrittenBeforeTheOptionalColumns_ReadsThemAsBlank()
    {
        using var folder = new TempFolder();
        var optional = SummaryColumns.Leading.Where(c => c.Optional).Select(c => c.Name).ToHashSet();
        var header = SummaryCsv.LeadingColumns.Where(c => !optional.Contains(c)).Concat(["w", "message", "wall_ms"]);
        string row = "r1,beans1,beans1-n3-s1,beans1,3,1,origin,mse,batch,0.1,,3,false,,converged,5,5,0.5,0.25,true,0.25,2,6,15,1.5,,1";
        string path = folder.Write(SummaryCsv.FileName, string.Join(',', header) + "\n" + row + "\n");

        var read = SummaryCsv.Read(path).Single();

        Assert.Multiple(() =>
        {
            Assert.That(optional, Is.EquivalentTo(new[] { "trial", "phase", "optimum_kind", "accuracy" }));
            Assert.That(read.OptimumKind, Is.Null);
            Assert.That(read.Accuracy, Is.Null);
            Assert.That(read.FinalGap, Is.EqualTo(0.25));
            Assert.That(read.FinalParameters.Single(), Is.EqualTo(new KeyValuePair<string, double>("w", 1.5)));
        });
    }

    [Test]
    public void Names_AreUniqueSnakeCase()
    {
        var names = SummaryColumns.History.Select(c => c.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            Assert.That(names, Has.All.Matches("^[a-z][a-z0-9_]*$"));
        });
    }

    private static SummaryColumn Column(string name) => SummaryColumns.History.Single(c => c.Name == name);

    private static string Write(IReadOnlyList<SummaryRow> rows)
    {
        using var text = new StringWriter();
        SummaryCsv.Write(text, rows);
        return text.ToString();
    }
}
