using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>A real PostgreSQL server for the tests: <c>initdb</c> and <c>pg_ctl</c> in a temporary folder, on a free
/// port of 127.0.0.1, started once for all the store tests and stopped after them (Output/History/Stores/PostgresServerFixture).</summary>
/// <remarks>initdb refuses to run as root, so as root (CI containers) both run as <c>nobody</c> through <c>runuser</c>.
/// Each test gets its own schema (<see cref="NewStore"/>), so tests never see each other's tables. Where the server cannot
/// start the tests are skipped with the reason, except under CI (the <c>CI</c> variable set), where they fail:
/// scripts/ensure-test-tools.sh installs PostgreSQL there.</remarks>
public sealed class PostgresServer : IDisposable
{
    private const string User = "descentlab";
    private static readonly Lazy<PostgresServer?> Instance = new(Start);
    private static string? _whyNot;
    private static int _schemas;

    private readonly string _folder;
    private readonly string _binaries;
    private readonly string? _runAs;

    private PostgresServer(string folder, string binaries, string? runAs, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to its <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username={User}";

    /// <summary>The server, started on first use; skips (or under CI fails) the calling test when it cannot start.</summary>
    public static PostgresServer Shared
    {
        get
        {
            var server = Instance.Value;
            if (server is null)
            {
                string reason = "PostgreSQL cannot be started here, so the PostgreSQL store is not tested: " + _whyNot + " (scripts/ensure-test-tools.sh installs it)";
                if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
                {
                    Assert.Fail(reason);
                }

                Assert.Ignore(reason);
            }

            return server!;
        }
    }

    /// <summary>Starts the server unless it is running or cannot start (then <see cref="Shared"/> gives the reason).</summary>
    public static void StartShared() => _ = Instance.Value;

    /// <summary>Stops the server if it was started.</summary>
    public static void StopShared()
    {
        if (Instance.IsValueCreated)
        {
            Instance.Value?.Dispose();
        }
    }

    /// <summary>A connection string to a new, empty schema of its own.</summary>
    public string NewStore()
    {
        string schema = "t" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", connection);
            create.ExecuteNonQuery();
        }

        return $"{ConnectionString};Search Path={schema}";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Tool("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], out _);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A stray file of the stopped server: the temporary folder is the system's to clean.
        }
    }

    private static PostgresServer? Start()
    {
        string? binaries = FindBinaries();
        if (binaries is null)
        {
            _whyNot = "initdb and pg_ctl are neither on PATH nor under /usr/lib/postgresql/*/bin";
            return null;
        }

        bool root = Environment.UserName == "root";
        string? runAs = root ? "nobody" : null;
        string folder = Path.Combine(root ? "/tmp" : Path.GetTempPath(), "descentlab-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (runAs is not null && !Run("chown", [runAs, folder], out string chownOutput))
        {
            _whyNot = $"cannot give {folder} to {runAs}: {chownOutput}";
            return null;
        }

        int port = FreePort();
        var server = new PostgresServer(folder, binaries, runAs, port);
        string data = Path.Combine(folder, "data");
        if (!server.Tool("initdb", ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], out string initOutput))
        {
            _whyNot = "initdb failed: " + initOutput.Trim();
            return null;
        }

        string options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        if (!server.Tool("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], out string startOutput))
        {
            string log = File.Exists(Path.Combine(folder, "server.log")) ? File.ReadAllText(Path.Combine(folder, "server.log")) : string.Empty;
            _whyNot = "pg_ctl start failed: " + startOutput.Trim() + " " + log.Trim();
            return null;
        }

        return server;
    }

    private static string? FindBinaries()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private bool Tool(string name, IReadOnlyList<string> args, out string output)
    {
        string program = Path.Combine(_binaries, name);
        return _runAs is null ? Run(program, args, out output) : Run("runuser", ["-u", _runAs, "--", program, .. args], out output);
    }

    private static bool Run(string program, IReadOnlyList<string> args, out string output)
    {
        try
        {
            var result = DescentLabProcess.RunProgram(program, args, "/", new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
            output = result.Out + result.Error;
            return result.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            output = $"{program}: {ex.Message}";
            return false;
        }
    }
}
