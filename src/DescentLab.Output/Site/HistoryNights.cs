using System.Globalization;
using DescentLab.Output.History;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.Site;

/// <summary>Lists the nights of a history database: every complete, unsharded run set with its config and folder, which
/// the store's own queries (one config at a time) do not give.</summary>
/// <remarks>Opens the file read-only, so publishing never changes the history.</remarks>
public static class HistoryNights
{
    /// <summary>The machine of a night whose history row does not record one.</summary>
    public const string UnknownMachine = "unknown";

    /// <summary>The nights of <paramref name="databasePath"/>, oldest id first.</summary>
    /// <exception cref="HistoryException">The file is missing or cannot be read.</exception>
    public static IReadOnlyList<SiteNight> Read(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            throw new HistoryException(databasePath, "no history database here yet: run a config first, or point DescentLab:ReportsDir at the reports folder");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(connectionString.ToString());
            connection.Open();
            bool hasMachine = HasColumn(connection, "run_sets", "machine");
            using var query = connection.CreateCommand();
            query.CommandText =
                $"""
                SELECT id, config_name, started_utc, git_commit, run_dir{(hasMachine ? ", machine" : string.Empty)} FROM run_sets
                WHERE complete = 1 AND shard IS NULL ORDER BY id;
                """;
            using var reader = query.ExecuteReader();
            var nights = new List<SiteNight>();
            while (reader.Read())
            {
                nights.Add(new SiteNight(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    DateTimeOffset.ParseExact(reader.GetString(2), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    MachineOf(reader, hasMachine ? 5 : -1)));
            }

            return nights;
        }
        catch (Exception ex) when (ex is SqliteException or FormatException)
        {
            throw new HistoryException(databasePath, $"cannot read the history database: {ex.Message}", ex);
        }
    }

    /// <summary>The one place a night's machine is read: the run set's <c>machine</c> column where the history has one.</summary>
    private static string MachineOf(SqliteDataReader reader, int ordinal) =>
        ordinal >= 0 && !reader.IsDBNull(ordinal) && reader.GetString(ordinal) is { Length: > 0 } machine ? machine : UnknownMachine;

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = $column;";
        query.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
