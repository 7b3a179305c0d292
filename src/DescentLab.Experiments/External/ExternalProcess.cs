using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DescentLab.Experiments.External;

/// <summary>One running external optimizer: JSON lines to its stdin, answers from its stdout (the first within the start
/// timeout, every later one within the answer timeout); the last lines of its stderr kept for messages.</summary>
/// <remarks>Reads are synchronous (one round trip per step is the hot path); a timer kills the process when an answer
/// is late, which ends the blocked read.</remarks>
public sealed class ExternalProcess : IDisposable
{
    private const int StderrLines = 10;
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);
    private readonly ExternalCommand _command;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly Timer _watchdog;
    private volatile bool _timedOut;
    private bool _answered;
    private bool _betweenRuns;
    private bool _ended;
    private bool _inputClosed;

    private ExternalProcess(ExternalCommand command, Process process)
    {
        _command = command;
        _process = process;
        _watchdog = new Timer(_ => Expire());
    }

    /// <summary>Starts <paramref name="command"/>.</summary>
    /// <exception cref="ExternalProtocolException">The program cannot be started.</exception>
    public static ExternalProcess Start(ExternalCommand command)
    {
        var start = new ProcessStartInfo
        {
            FileName = Program(command),
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in command.Argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var external = new ExternalProcess(command, process);
        process.ErrorDataReceived += (_, e) => external.KeepStderr(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new ExternalProtocolException($"cannot start '{command.Display}': {ex.Message}");
        }

        process.BeginErrorReadLine();
        process.StandardInput.AutoFlush = false;
        return external;
    }

    /// <summary>Writes one message line.</summary>
    public void Send(string line)
    {
        _betweenRuns = false;
        if (_inputClosed)
        {
            return;
        }

        try
        {
            _process.StandardInput.Write(line);
            _process.StandardInput.Write('\n');
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            // The process has gone; Receive reports how it ended.
        }
    }

    /// <summary>Whether the process has exited (or was killed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The next line of stdout, the answer to <paramref name="what"/>.</summary>
    /// <exception cref="ExternalProtocolException">No answer within the timeout, or the process exited.</exception>
    public string Receive(string what)
    {
        // The first answer also waits for the interpreter to start and import; every later one only for the work.
        var (limit, key, since) = _answered ? (_command.Timeout, "timeout_seconds", "") : (_command.StartTimeout, "start_timeout_seconds", " of starting");
        _watchdog.Change(limit, Timeout.InfiniteTimeSpan);
        string? line;
        try
        {
            line = _process.StandardOutput.ReadLine();
        }
        finally
        {
            _watchdog.Change(Timeout.Infinite, Timeout.Infinite);
        }

        if (_timedOut)
        {
            throw Failure(string.Create(CultureInfo.InvariantCulture, $"no answer to {what} within {limit.TotalSeconds:R} s{since} ({key})"));
        }

        if (line is null)
        {
            _process.WaitForExit();
            throw Failure(string.Create(CultureInfo.InvariantCulture, $"the process exited with code {_process.ExitCode} before answering {what}"));
        }

        _answered = true;
        return line;
    }

    /// <summary>Stops the process and returns an exception whose message is <paramref name="cause"/> plus the stderr tail.</summary>
    public ExternalProtocolException Failure(string cause)
    {
        Kill();
        return new ExternalProtocolException($"external '{_command.Display}': {cause}; stderr: {StderrTail()}");
    }

    /// <summary>Sends <c>{"type":"end"}</c> (unless a run just ended), closes stdin and waits up to 5 s for the process to exit, then kills it.</summary>
    public void End()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (!_betweenRuns)
        {
            Send("{\"type\":\"end\"}");
        }

        CloseInput();
        if (!_process.WaitForExit(ExitGrace))
        {
            Kill();
        }
    }

    /// <summary>Sends <c>{"type":"end"}</c> and keeps stdin open: a process serving many runs then waits for the next
    /// <c>init</c>.</summary>
    public void EndRun()
    {
        Send("{\"type\":\"end\"}");
        _betweenRuns = true;
    }

    /// <summary>Closes stdin: the signal for a describing process to exit.</summary>
    public void CloseInput()
    {
        _inputClosed = true;
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        End();
        _watchdog.Dispose();
        _process.Dispose();
    }

    private static string Program(ExternalCommand command)
    {
        string program = command.Argv[0];
        return program.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(command.WorkingDirectory, program)) : program;
    }

    private void Expire()
    {
        _timedOut = true;
        Kill();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Enqueue(line.Length > 300 ? line[..300] + "..." : line);
            if (_stderr.Count > StderrLines)
            {
                _stderr.Dequeue();
            }
        }
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? "(empty)" : string.Join(" | ", _stderr);
        }
    }
}
