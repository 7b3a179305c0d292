using System.Data;
using System.Data.Common;
using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>History: every recorded run set and its runs, for trends and "previous" baselines, in a SQLite file
/// (<c>reports/history.db</c>, the default) or a PostgreSQL database shared by many machines.</summary>
/// <remarks>
/// Opening checks that the database is ours (or empty) before anything is written, then migrates the schema forward
/// (<see cref="HistorySchema"/>, the same for both stores; what differs is in <see cref="HistoryDialect"/>). Every write
/// is one transaction holding the store's writer lock, so processes and machines writing at once never lose, duplicate
/// or half-write a run set. Every run set records the machine it ran on and its environment. A store's calls use one
/// connection (a trend reads its run sets on a few more, in parallel): use it from one thread at a time.
/// </remarks>
public sealed class HistoryStore : IDisposable
{
    /// <summary>The file name in the reports root.</summary>
    public const string FileName = "history.db";

    /// <summary>How long a SQLite write waits for another writer before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private const string SetColumns =
        "id, config_name, config_hash, git_commit, started_utc, finished_utc, complete, run_dir, shard, " +
        "machine, operating_system, runtime, cpu_model, processors, architecture, descentlab_version";

    /// <summary>Matches run sets of machine <c>@machine</c>, of every machine when it is null; a run set recorded before
    /// machines were kept matches every machine.</summary>
    private const string OfMachine = "(@machine IS NULL OR machine IS NULL OR machine = @machine)";

    private readonly HistoryDialect _dialect;
    private readonly DbConnection _connection;

    /// <summary>Opens (or creates) the SQLite history database at <paramref name="databasePath"/>, creating its folder.</summary>
    /// <exception cref="HistoryException">The file is not SQLite, is corrupt, belongs to another application or to a newer
    /// DescentLab; it is left as it was.</exception>
    public HistoryStore(string databasePath)
        : this(HistoryLocation.Sqlite(databasePath))
    {
    }

    /// <summary>Opens (or creates) the history at <paramref name="location"/>.</summary>
    /// <exception cref="HistoryException">It cannot be reached, is not ours, is corrupt or from a newer DescentLab; it is
    /// left as it was.</exception>
    public HistoryStore(HistoryLocation location)
    {
        Location = location;
        _dialect = HistoryDialect.For(location);
        try
        {
            _connection = _dialect.Open(location);
        }
        catch (DbException ex)
        {
            throw Wrap(ex);
        }

        try
        {
            // One read transaction, so the version and the marks come from one snapshot: read one by one, another process's
            // first migration could commit between them and look like a foreign database.
            using (var snapshot = _dialect.BeginRead(_connection))
            {
                CheckOwnership(snapshot);
                snapshot.Commit();
            }

            _dialect.Ready(_connection);
            Migrate();
        }
        catch (HistoryException)
        {
            _connection.Dispose();
            throw;
        }
        catch (DbException ex)
        {
            _connection.Dispose();
            throw Wrap(ex);
        }
    }

    /// <summary>Where the history is, as messages name it: the SQLite file, or <c>postgresql://user@host:port/db</c>.</summary>
    public string DatabasePath => Location.Display;

    /// <summary>Where the history is.</summary>
    public HistoryLocation Location { get; }

    /// <summary>Trends and the default <c>previous</c> baseline of a run set take every machine's run sets, not only those
    /// of the machine it ran on.</summary>
    public bool AllMachines { get; init; }

    /// <summary>Opens <c>&lt;reportsRoot&gt;/history.db</c>.</summary>
    public static HistoryStore OpenInReportsRoot(string reportsRoot) => new(HistoryLocation.InReportsRoot(reportsRoot));

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => (int)Guard(() => _dialect.ReadState(_connection, null).Version);

    /// <summary>Records <paramref name="set"/> (its manifest and rows) as found in <paramref name="runDir"/>.</summary>
    /// <param name="set">The run set.</param>
    /// <param name="runDir">Its folder.</param>
    /// <param name="pending">Record it as not complete yet, whatever its manifest says: neither a baseline nor part of
    /// a trend until <see cref="MarkComplete"/> (called once its files, manifest last, are written).</param>
    /// <returns>The new run set's history id.</returns>
    public long Record(RunSet set, string runDir, bool pending = false)
    {
        var manifest = set.Manifest;
        var record = new HistoryRecord(
            manifest.Name,
            manifest.ConfigHash,
            manifest.GitCommit,
            manifest.StartedUtc.ToString("O", CultureInfo.InvariantCulture),
            manifest.FinishedUtc.ToString("O", CultureInfo.InvariantCulture),
            manifest.Complete && !pending,
            runDir,
            manifest.Shard,
            HistoryEnvironment.Of(manifest),
            set.Rows);
        return Guard(() =>
        {
            using var transaction = _dialect.BeginWrite(_connection);

            // One folder of one machine is one run set: recording it again (a resumed set) replaces the earlier record.
            using (var replace = HistoryDialect.Command(
                _connection,
                $"""
                DELETE FROM runs WHERE run_set_id IN (SELECT id FROM run_sets WHERE run_dir = @dir AND {OfMachine});
                DELETE FROM trend_points WHERE run_set_id IN (SELECT id FROM run_sets WHERE run_dir = @dir AND {OfMachine});
                DELETE FROM run_sets WHERE run_dir = @dir AND {OfMachine};
                """,
                transaction))
            {
                HistoryDialect.Add(replace, "@dir", DbType.String, runDir);
                HistoryDialect.Add(replace, "@machine", DbType.String, record.Environment.Machine);
                replace.ExecuteNonQuery();
            }

            long id = Insert(record, transaction);
            transaction.Commit();
            return id;
        });
    }

    /// <summary>Marks the pending run set <paramref name="runSetId"/> complete.</summary>
    public void MarkComplete(long runSetId)
    {
        Guard(() =>
        {
            using var transaction = _dialect.BeginWrite(_connection);
            using var update = HistoryDialect.Command(_connection, "UPDATE run_sets SET complete = 1 WHERE id = @id;", transaction);
            HistoryDialect.Add(update, "@id", DbType.Int64, runSetId);
            int changed = update.ExecuteNonQuery();
            transaction.Commit();
            return changed;
        });
    }

    /// <summary>The latest complete, unsharded run set of <paramref name="configName"/> of any machine, or null if there is none.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="excludingRunSetId">A run set to skip (the one just recorded), or null.</param>
    public HistoryRunSet? LatestComplete(string configName, long? excludingRunSetId) => LatestComplete(configName, excludingRunSetId, machine: null);

    /// <summary>The latest complete, unsharded run set of <paramref name="configName"/> that ran on <paramref name="machine"/>
    /// (or was recorded before machines were kept), or null if there is none.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="excludingRunSetId">A run set to skip (the one just recorded), or null.</param>
    /// <param name="machine">The machine, or null for any.</param>
    public HistoryRunSet? LatestComplete(string configName, long? excludingRunSetId, string? machine)
    {
        return Guard(() =>
        {
            using var query = HistoryDialect.Command(
                _connection,
                $"""
                SELECT {SetColumns} FROM run_sets
                WHERE config_name = @name AND complete = 1 AND shard IS NULL AND (@excluded IS NULL OR id <> @excluded) AND {OfMachine}
                ORDER BY id DESC LIMIT 1;
                """);
            HistoryDialect.Add(query, "@name", DbType.String, configName);
            HistoryDialect.Add(query, "@excluded", DbType.Int64, excludingRunSetId);
            HistoryDialect.Add(query, "@machine", DbType.String, machine);
            if (ReadSets(query) is not [var found])
            {
                return null;
            }

            return new HistoryRunSet(
                found.Id,
                found.Record.RunDir,
                ParseTime(found.Record.StartedUtc),
                found.Record.GitCommit,
                HistoryRows.Read(_connection, _dialect, found.Id),
                found.Record.ConfigHash)
            {
                Environment = found.Record.Environment,
            };
        });
    }

    /// <summary>Per problem × setting, the median final gap and lower median epochs to target of the last
    /// <paramref name="lastN"/> complete, unsharded run sets of <paramref name="configName"/> of every machine, oldest run
    /// set first, then in the order each problem × setting first appears in the plan.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="lastN">How many run sets.</param>
    /// <param name="includingRunSetId">A pending run set to count as complete (the one being published), or null.</param>
    public IReadOnlyList<TrendPoint> Trend(string configName, int lastN = 30, long? includingRunSetId = null) =>
        Trend(configName, machine: null, lastN, includingRunSetId);

    /// <summary>As <see cref="Trend(string, int, long?)"/>, over the run sets of <paramref name="machine"/> (and those
    /// recorded before machines were kept) only; every machine's when it is null.</summary>
    /// <param name="configName">Config name.</param>
    /// <param name="machine">The machine, or null for every machine.</param>
    /// <param name="lastN">How many run sets.</param>
    /// <param name="includingRunSetId">A pending run set to count as complete (the one being published), or null.</param>
    public IReadOnlyList<TrendPoint> Trend(string configName, string? machine, int lastN = 30, long? includingRunSetId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastN);
        return Guard(() =>
        {
            using var query = HistoryDialect.Command(
                _connection,
                $"""
                SELECT {SetColumns} FROM run_sets
                WHERE config_name = @name AND (complete = 1 OR id = @including) AND shard IS NULL AND {OfMachine}
                ORDER BY id DESC LIMIT @last;
                """);
            HistoryDialect.Add(query, "@name", DbType.String, configName);
            HistoryDialect.Add(query, "@last", DbType.Int64, (long)lastN);
            HistoryDialect.Add(query, "@including", DbType.Int64, includingRunSetId);
            HistoryDialect.Add(query, "@machine", DbType.String, machine);
            var sets = ReadSets(query);
            sets.Reverse();
            return PointsOf(sets);
        });
    }

    /// <summary>The trend points of <paramref name="sets"/>, in their order: those stored with each set, or for a set recorded
    /// before they were stored, computed from its runs. Those runs are read on up to one connection per core: reading is
    /// per-cell calls into the database driver (a few hundred ns each; 30 nights of a 525-run config took 0.6 s on one
    /// core), and the sets are independent.</summary>
    private List<TrendPoint> PointsOf(List<(long Id, HistoryRecord Record)> sets)
    {
        var points = new List<TrendPoint>[sets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(Environment.ProcessorCount, sets.Count)) };
        try
        {
            Parallel.For(
                0,
                sets.Count,
                options,
                () => _dialect.Open(Location),
                (i, _, connection) =>
                {
                    var (id, record) = sets[i];
                    var started = ParseTime(record.StartedUtc);
                    points[i] = HistoryTrendPoints.Read(connection, id, started, record.GitCommit, record.Environment.Machine)
                        ?? [.. TrendPoints.Of(id, started, record.GitCommit, HistoryRows.Read(connection, _dialect, id))
                            .Select(p => p with { Machine = record.Environment.Machine })];
                    return connection;
                },
                connection => connection.Dispose());
        }
        catch (AggregateException ex)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return [.. points.SelectMany(p => p)];
    }

    /// <summary>Every complete, unsharded run set (one night of a config) of every machine, oldest first, without its rows:
    /// what the published site lists.</summary>
    public IReadOnlyList<(long Id, HistoryRecord Record)> Nights()
    {
        return Guard(() =>
        {
            using var query = HistoryDialect.Command(
                _connection, $"SELECT {SetColumns} FROM run_sets WHERE complete = 1 AND shard IS NULL ORDER BY id;");
            return (IReadOnlyList<(long, HistoryRecord)>)ReadSets(query);
        });
    }

    /// <summary>Every recorded run set, complete or not, oldest first, with all it stores: what <c>history export</c> writes.</summary>
    /// <remarks>Read in one snapshot, so run sets recorded meanwhile are either wholly in it or not at all.</remarks>
    public IReadOnlyList<HistoryRecord> ReadAll()
    {
        return Guard(() =>
        {
            using var snapshot = _dialect.BeginRead(_connection);
            using var query = HistoryDialect.Command(_connection, $"SELECT {SetColumns} FROM run_sets ORDER BY id;", snapshot);
            var records = ReadSets(query)
                .Select(s => s.Record with { Rows = HistoryRows.Read(_connection, _dialect, s.Id, snapshot) })
                .ToList();
            snapshot.Commit();
            return records;
        });
    }

    /// <summary>Adds <paramref name="record"/> as it is (complete or not), unless a run set of the same folder, machine and
    /// start time is already there.</summary>
    /// <returns>True when it was added.</returns>
    public bool Import(HistoryRecord record)
    {
        return Guard(() =>
        {
            using var transaction = _dialect.BeginWrite(_connection);
            using (var exists = HistoryDialect.Command(
                _connection,
                "SELECT count(*) FROM run_sets WHERE run_dir = @dir AND started_utc = @started AND (machine = @machine OR (machine IS NULL AND @machine IS NULL));",
                transaction))
            {
                HistoryDialect.Add(exists, "@dir", DbType.String, record.RunDir);
                HistoryDialect.Add(exists, "@started", DbType.String, record.StartedUtc);
                HistoryDialect.Add(exists, "@machine", DbType.String, record.Environment.Machine);
                if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                {
                    return false;
                }
            }

            Insert(record, transaction);
            transaction.Commit();
            return true;
        });
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private long Insert(HistoryRecord record, DbTransaction transaction)
    {
        using var insertSet = HistoryDialect.Command(
            _connection,
            """
            INSERT INTO run_sets (config_name, config_hash, git_commit, started_utc, finished_utc, complete, run_dir, shard,
                machine, operating_system, runtime, cpu_model, processors, architecture, descentlab_version)
            VALUES (@name, @hash, @commit, @started, @finished, @complete, @dir, @shard,
                @machine, @os, @runtime, @cpu, @processors, @architecture, @version) RETURNING id;
            """,
            transaction);
        var environment = record.Environment;
        HistoryDialect.Add(insertSet, "@name", DbType.String, record.ConfigName);
        HistoryDialect.Add(insertSet, "@hash", DbType.String, record.ConfigHash);
        HistoryDialect.Add(insertSet, "@commit", DbType.String, record.GitCommit);
        HistoryDialect.Add(insertSet, "@started", DbType.String, record.StartedUtc);
        HistoryDialect.Add(insertSet, "@finished", DbType.String, record.FinishedUtc);
        HistoryDialect.Add(insertSet, "@complete", DbType.Int64, record.Complete ? 1L : 0L);
        HistoryDialect.Add(insertSet, "@dir", DbType.String, record.RunDir);
        HistoryDialect.Add(insertSet, "@shard", DbType.String, record.Shard);
        HistoryDialect.Add(insertSet, "@machine", DbType.String, environment.Machine);
        HistoryDialect.Add(insertSet, "@os", DbType.String, environment.OperatingSystem);
        HistoryDialect.Add(insertSet, "@runtime", DbType.String, environment.Runtime);
        HistoryDialect.Add(insertSet, "@cpu", DbType.String, environment.CpuModel);
        HistoryDialect.Add(insertSet, "@processors", DbType.Int64, environment.Processors is { } p ? (long)p : null);
        HistoryDialect.Add(insertSet, "@architecture", DbType.String, environment.Architecture);
        HistoryDialect.Add(insertSet, "@version", DbType.String, environment.DescentLabVersion);
        long id = Convert.ToInt64(insertSet.ExecuteScalar(), CultureInfo.InvariantCulture);
        HistoryRows.Insert(_dialect, _connection, transaction, id, record.Rows);
        HistoryTrendPoints.Insert(_dialect, _connection, transaction, id, TrendPoints.Of(id, ParseTime(record.StartedUtc), record.GitCommit, record.Rows));
        return id;
    }

    /// <summary>The run sets <paramref name="query"/> selects (<see cref="SetColumns"/>), without their rows.</summary>
    private static List<(long Id, HistoryRecord Record)> ReadSets(DbCommand query)
    {
        static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var sets = new List<(long, HistoryRecord)>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var environment = new HistoryEnvironment(
                Text(reader, 9),
                Text(reader, 10),
                Text(reader, 11),
                Text(reader, 12),
                reader.IsDBNull(13) ? null : checked((int)reader.GetInt64(13)),
                Text(reader, 14),
                Text(reader, 15));
            sets.Add((reader.GetInt64(0), new HistoryRecord(
                reader.GetString(1),
                reader.GetString(2),
                Text(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt64(6) != 0,
                reader.GetString(7),
                Text(reader, 8),
                environment,
                [])));
        }

        return sets;
    }

    /// <summary>Refuses a database that is neither empty nor ours, or is from a newer DescentLab, before anything is written.</summary>
    private long CheckOwnership(DbTransaction transaction)
    {
        var (version, foreign) = _dialect.ReadState(_connection, transaction);
        if (foreign is not null)
        {
            throw new HistoryException(DatabasePath, foreign);
        }

        if (version > HistorySchema.CurrentVersion)
        {
            throw new HistoryException(
                DatabasePath,
                $"history schema version {version} is newer than this DescentLab understands ({HistorySchema.CurrentVersion}); upgrade DescentLab");
        }

        return version;
    }

    /// <summary>Applies the missing migrations in one write transaction, re-checking inside it in case another process
    /// migrated the database since it was opened.</summary>
    private void Migrate()
    {
        if (_dialect.ReadState(_connection, null).Version == HistorySchema.CurrentVersion)
        {
            return;
        }

        using var transaction = _dialect.BeginWrite(_connection);
        for (int version = (int)CheckOwnership(transaction); version < HistorySchema.CurrentVersion; version++)
        {
            HistoryDialect.Execute(_connection, _dialect.Render(HistorySchema.Migrations[version]) + _dialect.SetVersion(version + 1), transaction);
        }

        transaction.Commit();
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is DbException or InvalidDataException)
        {
            throw Wrap(ex);
        }
    }

    private HistoryException Wrap(Exception ex) =>
        new(DatabasePath, $"cannot use the history database: {ex.Message}", ex);
}
