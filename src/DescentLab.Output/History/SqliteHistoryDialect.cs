using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.History;

/// <summary>History in one SQLite file: <c>PRAGMA user_version</c> holds the schema version and <c>PRAGMA
/// application_id</c> marks the file as ours, so another application's file is recognised and left alone. Writers take
/// SQLite's IMMEDIATE lock and wait up to <see cref="HistoryStore.BusyTimeout"/> for each other (WAL, so readers never wait).
/// Doubles are REAL, which keeps every finite value and the infinities; SQLite stores NaN as NULL, read back as NaN.</summary>
internal sealed class SqliteHistoryDialect : HistoryDialect
{
    /// <inheritdoc/>
    public override string RowOrder => "rowid";

    /// <inheritdoc/>
    protected override string IdType => "INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc/>
    protected override string IntegerType => "INTEGER";

    /// <inheritdoc/>
    protected override string RealType => "REAL";

    /// <inheritdoc/>
    protected override string RowOrderColumn => string.Empty;

    /// <inheritdoc/>
    public override DbConnection Open(HistoryLocation location)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(location.Value))!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HistoryException(location.Display, $"cannot create the reports folder: {ex.Message}", ex);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = location.Value,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)HistoryStore.BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)HistoryStore.BusyTimeout.TotalMilliseconds};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override RowInsert PrepareInsert(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<RowInsert.Parameter> parameters) =>
        new SqliteRowInsert((SqliteConnection)connection, sql, parameters);

    /// <inheritdoc/>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <inheritdoc/>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    /// <inheritdoc/>
    public override void Ready(DbConnection connection) => Execute(connection, "PRAGMA journal_mode = WAL;");

    /// <inheritdoc/>
    public override (long Version, string? Foreign) ReadState(DbConnection connection, DbTransaction? transaction)
    {
        long applicationId = Scalar(connection, "PRAGMA application_id;", transaction);
        long version = Scalar(connection, "PRAGMA user_version;", transaction);
        long objects = Scalar(connection, "SELECT count(*) FROM sqlite_master;", transaction);
        bool fresh = applicationId == 0 && version == 0 && objects == 0;
        return !fresh && applicationId != HistorySchema.ApplicationId
            ? (version, $"not a DescentLab history database (SQLite application_id {applicationId}, user_version {version}, {objects} schema objects); " +
                "it was left unchanged: move it away or point DescentLab:ReportsDir elsewhere")
            : (version, null);
    }

    /// <inheritdoc/>
    public override string SetVersion(int version) => $"PRAGMA application_id = {HistorySchema.ApplicationId}; PRAGMA user_version = {version};";
}
