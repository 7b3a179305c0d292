using DescentLab.Output.History;
using DescentLab.Output.Site;
using DescentLab.Tests.Output.Site;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History.Stores;

public sealed class SiteFromPostgresTests
{
    [Test]
    public void Publish_SharedPostgresHistory_GivesTheSiteOfTheSameHistoryInSqlite()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        var postgres = HistoryLocation.Parse(PostgresServer.Shared.NewStore(), folder.FullPath);
        using (var sqlite = HistoryStore.OpenInReportsRoot(folder.FullPath))
        using (var shared = new HistoryStore(postgres))
        {
            foreach (var record in sqlite.ReadAll())
            {
                shared.Import(record);
            }
        }

        var fromSqlite = SitePublisher.Publish(folder.FullPath, folder.PathOf("site-sqlite"));
        var fromPostgres = SitePublisher.Publish(folder.FullPath, folder.PathOf("site-postgres"), postgres);

        var files = Files(folder.PathOf("site-sqlite"));
        Assert.Multiple(() =>
        {
            Assert.That(fromPostgres.Nights, Is.EqualTo(fromSqlite.Nights).And.GreaterThan(0));
            Assert.That(fromPostgres.Regressions, Is.EqualTo(fromSqlite.Regressions));
            Assert.That(Files(folder.PathOf("site-postgres")), Is.EqualTo(files));
            foreach (string file in files)
            {
                Assert.That(File.ReadAllBytes(folder.PathOf("site-postgres", file)), Is.EqualTo(File.ReadAllBytes(folder.PathOf("site-sqlite", file))), file);
            }
        });
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}
