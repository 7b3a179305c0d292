using System.Data.Common;
using Npgsql;

namespace DescentLab.Output.History;

/// <summary>Where history lives: a SQLite file (the default, <c>REPORTS/history.db</c>) or a PostgreSQL database.</summary>
/// <remarks>The <c>DescentLab:History</c> setting is read as a PostgreSQL connection string when it parses as
/// <c>key=value</c> pairs joined by <c>;</c> and one key is <c>Host</c> (any case); anything else is a SQLite file path,
/// relative to the current directory. Empty means <c>history.db</c> in the reports root.</remarks>
public sealed record HistoryLocation
{
    private HistoryLocation(string value, bool isPostgres, string display)
    {
        Value = value;
        IsPostgres = isPostgres;
        Display = display;
    }

    /// <summary>The absolute SQLite path, or the PostgreSQL connection string.</summary>
    public string Value { get; }

    /// <summary>True for a PostgreSQL database.</summary>
    public bool IsPostgres { get; }

    /// <summary>How messages name it: the file path, or <c>postgresql://user@host:port/database</c> (never the password).</summary>
    public string Display { get; }

    /// <summary>The SQLite file at <paramref name="path"/>.</summary>
    public static HistoryLocation Sqlite(string path) => new(path, isPostgres: false, path);

    /// <summary><c>history.db</c> in <paramref name="reportsRoot"/>.</summary>
    public static HistoryLocation InReportsRoot(string reportsRoot) => Sqlite(Path.Combine(reportsRoot, HistoryStore.FileName));

    /// <summary>The location a <c>DescentLab:History</c> setting names (see the remarks), or the reports root's file when it
    /// is empty.</summary>
    /// <exception cref="HistoryException">It names PostgreSQL but a key is unknown to Npgsql or a value is malformed.</exception>
    public static HistoryLocation Parse(string? setting, string reportsRoot)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return InReportsRoot(reportsRoot);
        }

        if (!LooksLikeConnectionString(setting))
        {
            return Sqlite(Path.GetFullPath(setting));
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(setting);
            string display = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
            return new HistoryLocation(builder.ConnectionString, isPostgres: true, display);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new HistoryException("DescentLab:History", $"not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    private static bool LooksLikeConnectionString(string setting)
    {
        if (!setting.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return new DbConnectionStringBuilder { ConnectionString = setting }.ContainsKey("Host");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
