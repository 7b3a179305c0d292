using System.Data.Common;
using DescentLab.Output.History;
using DescentLab.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DescentLab.Tests.Output.History.Stores;

/// <summary>A fresh, empty history of one kind for one test: a SQLite file in a temporary folder, or a schema of its own
/// in the shared PostgreSQL server.</summary>
public sealed class StoreUnderTest : IDisposable
{
    /// <summary>The SQLite kind.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL kind.</summary>
    public const string Postgres = "postgresql";

    private readonly TempFolder _folder = new();

    /// <summary>A new store of <paramref name="kind"/>.</summary>
    public StoreUnderTest(string kind)
    {
        Kind = kind;
        Location = kind == Postgres
            ? HistoryLocation.Parse(PostgresServer.Shared.NewStore(), _folder.FullPath)
            : HistoryLocation.Sqlite(_folder.PathOf("reports", HistoryStore.FileName));
    }

    /// <summary>The kind.</summary>
    public string Kind { get; }

    /// <summary>Where it is.</summary>
    public HistoryLocation Location { get; }

    /// <summary>A temporary folder for the test's other files.</summary>
    public TempFolder Folder => _folder;

    /// <summary>Opens it.</summary>
    public HistoryStore Open(bool allMachines = false) => new(Location) { AllMachines = allMachines };

    /// <summary>Runs <paramref name="sql"/> on it directly (to build old, foreign or newer databases).</summary>
    public void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();

    private DbConnection Connect()
    {
        DbConnection connection = Kind == Postgres
            ? new NpgsqlConnection(Location.Value)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location.Value, Pooling = false }.ToString());
        Directory.CreateDirectory(_folder.PathOf("reports"));
        connection.Open();
        return connection;
    }
}
