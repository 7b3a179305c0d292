using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DescentLab.Tests.Support;

/// <summary>A <c>descentlab</c> on PATH for shell scripts (the docs' commands): a small bash client that hands its command
/// line to this process, which runs it as <see cref="InProcessCommand"/> does and sends back the exit code, the output
/// going through two files.</summary>
/// <remarks>A cold <c>descentlab</c> process spends a second or more of CPU starting; the docs' scripts start about forty.
/// The client falls back to the real executable where this process could not act as the script's own process would:
/// environment variables that differ from those the script was given (set on a command line, exported by the script),
/// and <c>serve</c>, which runs until stopped. Standard input is not passed on: no command reads it.
/// It talks over a loopback TCP port with bash's <c>/dev/tcp</c>: NUL-terminated fields (a format version, the working
/// folder, the two output files, the argument count, the arguments, then the environment and an empty field); the answer
/// is one line: the exit code, or <c>process</c> to run the real executable.</remarks>
public static class CommandServer
{
    private const string Version = "1";
    private const string RunAsProcess = "process";

    /// <summary>Variables bash sets for itself; they say nothing of what the script asked for.</summary>
    private static readonly HashSet<string> ShellOwn = ["PWD", "OLDPWD", "SHLVL", "_"];

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> ScriptPath = new(WriteClient);
    private static int _served;

    /// <summary>How many command lines this process ran for scripts.</summary>
    public static int Served => _served;

    /// <summary>Runs the bash script <paramref name="script"/> in <paramref name="workingDirectory"/> with the client first
    /// on PATH, and returns its exit code and output; fails the test if it does not finish within <paramref name="patience"/>.</summary>
    public static DescentLabProcess.Result Bash(string script, string workingDirectory, TimeSpan patience) =>
        DescentLabProcess.RunProgram("bash", [script], workingDirectory, ScriptVariables(), patience);

    /// <summary>What a script gets on top of the environment every program the tests start gets: the client first on PATH.</summary>
    private static Dictionary<string, string?> ScriptVariables() => new() { ["PATH"] = ScriptPath.Value };

    /// <summary>Writes the client as <c>descentlab</c> into a folder of its own, starts serving, and returns the scripts'
    /// PATH: that folder, then this process's PATH.</summary>
    private static string WriteClient()
    {
        int port = Listen();
        string folder = Path.Combine(Path.GetTempPath(), "descentlab-tests", "command-client-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        string dll = Path.Combine(AppContext.BaseDirectory, "descentlab.dll");
        string client = Path.Combine(folder, "descentlab");
        File.WriteAllText(client, $$"""
            #!/usr/bin/env bash
            # descentlab for the tests' scripts: the command runs in the test process when it can (tests/DescentLab.Tests/Support/CommandServer.cs).
            dll='{{dll}}'
            if [ "${1-}" = serve ] || ! exec 3<>/dev/tcp/127.0.0.1/{{port}}; then
              exec dotnet "$dll" "$@"
            fi
            out=$(mktemp) err=$(mktemp)
            trap 'rm -f "$out" "$err"' EXIT
            { printf '%s\0' {{Version}} "$PWD" "$out" "$err" "$#" "$@"; env -0; printf '\0'; } >&3
            IFS= read -r answer <&3 || answer="no answer from the test process"
            exec 3<&-
            if [ "$answer" = {{RunAsProcess}} ]; then
              rm -f "$out" "$err"; trap - EXIT
              exec dotnet "$dll" "$@"
            fi
            cat "$out"; cat "$err" >&2
            case $answer in (*[!0-9]*|'') echo "descentlab (test client): $answer" >&2; exit 70;; esac
            exit "$answer"
            """.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(client, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
    }

    private static int Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var thread = new Thread(() => Accept(listener)) { IsBackground = true, Name = "descentlab command server" };
        thread.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Accept(TcpListener listener)
    {
        while (true)
        {
            var client = listener.AcceptTcpClient();
            ThreadPool.QueueUserWorkItem(_ => Serve(client));
        }
    }

    private static void Serve(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            string answer;
            try
            {
                answer = Answer(new FieldReader(new BufferedStream(stream)));
            }
            catch (Exception ex)
            {
                answer = ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" ");
            }

            stream.Write(Encoding.UTF8.GetBytes(answer + "\n"));
        }
    }

    private static string Answer(FieldReader reader)
    {
        if (reader.Next() != Version)
        {
            throw new InvalidDataException("the client speaks another version");
        }

        string workingDirectory = reader.Next();
        string outPath = reader.Next();
        string errorPath = reader.Next();
        string[] args = [.. Enumerable.Range(0, int.Parse(reader.Next(), System.Globalization.CultureInfo.InvariantCulture)).Select(_ => reader.Next())];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (string entry = reader.Next(); entry.Length > 0; entry = reader.Next())
        {
            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            environment[entry[..equals]] = entry[(equals + 1)..];
        }

        if (!AsGiven(environment))
        {
            return RunAsProcess;
        }

        var result = InProcessCommand.Run(workingDirectory, args, Patience);
        Interlocked.Increment(ref _served);
        File.WriteAllText(outPath, result.Out);
        File.WriteAllText(errorPath, result.Error);
        return result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when the client's environment is the one its script was started with (the same variables and values,
    /// but for those bash keeps for itself).</summary>
    private static bool AsGiven(Dictionary<string, string> environment)
    {
        var expected = DescentLabProcess.ProgramEnvironment(ScriptVariables());
        return environment.Keys.Concat(expected.Keys).Distinct(StringComparer.Ordinal).Where(k => !ShellOwn.Contains(k))
            .All(k => environment.TryGetValue(k, out string? value) && expected.TryGetValue(k, out string? given) && value == given);
    }

    /// <summary>Reads NUL-terminated UTF-8 fields.</summary>
    private sealed class FieldReader(Stream stream)
    {
        private readonly List<byte> _field = [];

        public string Next()
        {
            _field.Clear();
            for (int b = stream.ReadByte(); b != 0; b = stream.ReadByte())
            {
                if (b < 0)
                {
                    throw new EndOfStreamException("the client's request ended early");
                }

                _field.Add((byte)b);
            }

            return Encoding.UTF8.GetString([.. _field]);
        }
    }
}
