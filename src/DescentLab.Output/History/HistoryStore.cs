using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.History;

/// <summary>reports/history.db: every recorded run set and its runs, for trends and "previous" baselines.</summary>
/// <remarks>
/// Opening checks that the file is ours (or new) before anything is written, then switches to WAL and migrates the schema
/// forward (<see cref="HistorySchema"/>). Every write is one IMMEDIATE transaction and waits up to <see cref="BusyTimeout"/>
/// for other writers, so several processes can share the file. One store is one connection: use it from one thread at a time.
/// Doubles are stored as SQLite REAL, which keeps every finite value and infinities exactly; SQLite stores NaN as NULL, read
/// back as NaN.
/// </remarks>
public sealed class HistoryStore : IDisposable
{
    /// <summary>The file name in the reports root.</summary>
    public const string FileName = "history.db";

    /// <summary>How long a write waits for another writer before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private readonly SqliteConnection _connection;

    /// <summary>Opens (or creates) the history database at <paramref name="databasePath"/>, creating its folder.</summary>
    /// <exception cref="HistoryException">The file is not SQLite, is corrupt, belongs to another application or to a newer
    /// DescentLab; it is left as it was.</exception>
    public HistoryStore(string databasePath)
    {
        DatabasePath = databasePath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HistoryException(databasePath, $"cannot create the reports folder: {ex.Message}", ex);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        _connection = new SqliteConnection(connectionString.ToString());
        try
        {
            _connection.Open();
            Execute($"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds};");
            // One read transaction, so the three values come from one snapshot: read one by one, another process's first
            // migration could commit between them (application_id 0 but user_version 3) and look like a foreign file.
            using (var snapshot = _connection.BeginTransaction(deferred: true))
            {
                CheckOwnership(snapshot);
                snapshot.Commit();
            }

            Execute("PRAGMA journal_mode = WAL;");
            Migrate();
        }
        catch (HistoryException)
        {
            _connection.Dispose();
            throw;
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw Wrap(ex);
        }
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens <c>&lt;reportsRoot&gt;/history.db</c>.</summary>
    public static HistoryStore OpenInReportsRoot(string reportsRoot) => new(Path.Combine(reportsRoot, FileName));

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => (int)Scalar("PRAGMA user_version;");

    /// <summary>Records <paramref name="set"/> (its manifest and rows) as found in <paramref name="runDir"/>.</summary>
    /// <param name="set">The run set.</param>
    /// <param name="runDir">Its folder.</param>
    /// <param name="pending">Record it as not complete yet, whatever its manifest says: neither a baseline nor part of
    /// a trend until <see cref="MarkComplete"/> (called once its files, manifest last, are written).</param>
    /// <returns>The new run set's history id.</returns>
    public long Record(RunSet set, string runDir, bool pending = false)
    {
        return Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();

            // One folder is one run set: recording it again (a resumed set) replaces the earlier record.
            using var replace = Command(
                """
                DELETE FROM runs WHERE run_set_id IN (SELECT id FROM run_sets WHERE run_dir = $dir);
                DELETE FROM run_sets WHERE run_dir = $dir;
                """,
                transaction);
            replace.Parameters.AddWithValue("$dir", runDir);
            replace.ExecuteNonQuery();
            var manifest = set.Manifest;
            using var insertSet = Command(
                """
                INSERT INTO run_sets (config_name, config_hash, git_commit, started_utc, finished_utc, complete, run_dir, shard)
                VALUES ($name, $hash, $commit, $started, $finished, $complete, $dir, $shard) RETURNING id;
                """,
                transaction);
            insertSet.Parameters.AddWithValue("$name", manifest.Name);
            insertSet.Parameters.AddWithValue("$hash", manifest.ConfigHash);
            insertSet.Parameters.AddWithValue("$commit", (object?)manifest.GitCommit ?? DBNull.Value);
            insertSet.Parameters.AddWithValue("$started", manifest.StartedUtc.ToString("O", CultureInfo.InvariantCulture));
            insertSet.Parameters.AddWithValue("$finished", manifest.FinishedUtc.ToString("O", CultureInfo.InvariantCulture));
            insertSet.Parameters.AddWithValue("$complete", manifest.Complete && !pending);
            insertSet.Parameters.AddWithValue("$dir", runDir);
            insertSet.Parameters.AddWithValue("$shard", (object?)manifest.Shard ?? DBNull.Value);
            long id = (long)insertSet.ExecuteScalar()!;
            HistoryRows.Insert(_connection, transaction, id, set.Rows);
            transaction.Commit();
            return id;
        });
    }

    /// <summary>Marks the pending run set <paramref name="runSetId"/> complete.</summary>
    public void MarkComplete(long runSetId)
    {
        Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command("UPDATE run_sets SET complete = 1 WHERE id = $id;", transaction);
            update.Parameters.AddWithValue("$id", runSetId);
            int changed = update.ExecuteNonQuery();
            transaction.Commit();
            return changed;
        });
    }

    /// <summary>The latest complete, unsharded run set of <paramref name="configName"/>, or null if there is none.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="excludingRunSetId">A run set to skip (the one just recorded), or null.</param>
    public HistoryRunSet? LatestComplete(string configName, long? excludingRunSetId)
    {
        return Guard(() =>
        {
            using var query = Command(
                """
                SELECT id, run_dir, started_utc, git_commit, config_hash FROM run_sets
                WHERE config_name = $name AND complete = 1 AND shard IS NULL AND ($excluded IS NULL OR id <> $excluded)
                ORDER BY id DESC LIMIT 1;
                """);
            query.Parameters.AddWithValue("$name", configName);
            query.Parameters.AddWithValue("$excluded", (object?)excludingRunSetId ?? DBNull.Value);
            using var reader = query.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            long id = reader.GetInt64(0);
            string runDir = reader.GetString(1);
            var started = ParseTime(reader.GetString(2));
            string? commit = reader.IsDBNull(3) ? null : reader.GetString(3);
            return new HistoryRunSet(id, runDir, started, commit, HistoryRows.Read(_connection, id), reader.GetString(4));
        });
    }

    /// <summary>Per problem × setting, the median final gap and lower median epochs to target of the last
    /// <paramref name="lastN"/> complete, unsharded run sets of <paramref name="configName"/>, oldest run set first, then in
    /// the order each problem × setting first appears in the plan.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="lastN">How many run sets.</param>
    /// <param name="includingRunSetId">A pending run set to count as complete (the one being published), or null.</param>
    public IReadOnlyList<TrendPoint> Trend(string configName, int lastN = 30, long? includingRunSetId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastN);
        return Guard(() =>
        {
            using var query = Command(
                """
                SELECT id, started_utc, git_commit FROM run_sets
                WHERE config_name = $name AND (complete = 1 OR id = $including) AND shard IS NULL
                ORDER BY id DESC LIMIT $last;
                """);
            query.Parameters.AddWithValue("$name", configName);
            query.Parameters.AddWithValue("$last", lastN);
            query.Parameters.AddWithValue("$including", (object?)includingRunSetId ?? DBNull.Value);
            var runSets = new List<(long Id, DateTimeOffset Started, string? Commit)>();
            using (var reader = query.ExecuteReader())
            {
                while (reader.Read())
                {
                    runSets.Add((reader.GetInt64(0), ParseTime(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            runSets.Reverse();
            return runSets.SelectMany(r => TrendPoints.Of(r.Id, r.Started, r.Commit, HistoryRows.Read(_connection, r.Id))).ToList();
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Refuses a file that is neither new nor ours, before anything is written to it.</summary>
    private void CheckOwnership(SqliteTransaction? transaction = null)
    {
        long applicationId = Scalar("PRAGMA application_id;", transaction);
        long version = Scalar("PRAGMA user_version;", transaction);
        long objects = Scalar("SELECT count(*) FROM sqlite_master;", transaction);
        bool fresh = applicationId == 0 && version == 0 && objects == 0;
        if (!fresh && applicationId != HistorySchema.ApplicationId)
        {
            throw new HistoryException(
                DatabasePath,
                $"not a DescentLab history database (SQLite application_id {applicationId}, user_version {version}, {objects} schema objects); " +
                "it was left unchanged: move it away or point DescentLab:ReportsDir elsewhere");
        }

        if (version > HistorySchema.CurrentVersion)
        {
            throw new HistoryException(
                DatabasePath,
                $"history schema version {version} is newer than this DescentLab understands ({HistorySchema.CurrentVersion}); upgrade DescentLab");
        }
    }

    /// <summary>Applies the missing migrations in one IMMEDIATE transaction, re-checking inside it in case another process
    /// migrated the file since <see cref="CheckOwnership"/>.</summary>
    private void Migrate()
    {
        if (SchemaVersion == HistorySchema.CurrentVersion)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        CheckOwnership(transaction);
        for (int version = (int)Scalar("PRAGMA user_version;", transaction); version < HistorySchema.CurrentVersion; version++)
        {
            using var migration = Command(HistorySchema.Migrations[version] + $"PRAGMA user_version = {version + 1};", transaction);
            migration.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidDataException)
        {
            throw Wrap(ex);
        }
    }

    private HistoryException Wrap(Exception ex) =>
        new(DatabasePath, $"cannot use the history database: {ex.Message}", ex);
}
