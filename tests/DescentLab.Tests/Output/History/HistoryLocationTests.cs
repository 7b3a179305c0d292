using DescentLab.Output.History;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History;

/// <summary>The <c>DescentLab:History</c> setting: PostgreSQL when it is <c>key=value</c> pairs with a Host key, else a
/// SQLite path; empty is the reports root's history.db.</summary>
public sealed class HistoryLocationTests
{
    [TestCase("Host=db.example;Port=5433;Database=descentlab;Username=ci;Password=secret", "postgresql://ci@db.example:5433/descentlab")]
    [TestCase("host=10.0.0.7;database=h;username=u", "postgresql://u@10.0.0.7:5432/h")]
    public void ConnectionStringWithAHost_IsPostgres_AndIsNamedWithoutThePassword(string setting, string display)
    {
        var location = HistoryLocation.Parse(setting, "/srv/reports");

        Assert.That(location.IsPostgres, Is.True);
        Assert.That(location.Display, Is.EqualTo(display));
    }

    [TestCase("/srv/history/shared.db", "/srv/history/shared.db")]
    [TestCase("/srv/a=b/history.db", "/srv/a=b/history.db")]
    [TestCase("Database=x.db", "Database=x.db")]
    public void AnythingElse_IsASqlitePath(string setting, string path)
    {
        var location = HistoryLocation.Parse(setting, "/srv/reports");

        Assert.That(location.IsPostgres, Is.False);
        Assert.That(location.Value, Is.EqualTo(Path.GetFullPath(path)));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Empty_IsHistoryDbInTheReportsRoot(string? setting) =>
        Assert.That(HistoryLocation.Parse(setting, "/srv/reports").Value, Is.EqualTo("/srv/reports/history.db"));

    [Test]
    public void HostWithAKeyNpgsqlDoesNotKnow_IsAnError()
    {
        var error = Assert.Throws<HistoryException>(() => HistoryLocation.Parse("Host=db;Colour=blue", "/srv/reports"));

        Assert.That(error!.Message, Does.StartWith("DescentLab:History: not a valid PostgreSQL connection string: "));
    }
}
