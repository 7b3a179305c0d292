using System.Text;
using DescentLab.Host.Commands;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Runs a <c>descentlab</c> command line in this process, as <c>Program</c> does in its own: the same entry
/// point, with the working folder, the environment and the console of a process that ran it.</summary>
/// <remarks>A cold process spends a second or more of CPU starting the runtime and compiling before it does the command's
/// work; here that is paid once for the whole suite. The working folder and the environment belong to the whole process,
/// so one command runs at a time. The console is shared too: while a command runs, what its threads write goes to its
/// output and what other tests write goes where it went before. Tests of what only a process of its own shows (a kill,
/// several processes at once, peak memory, signals, the runtime's start-up) start one
/// (<see cref="DescentLabProcess.RunProcess(string, string[])"/>).</remarks>
public static class InProcessCommand
{
    private static readonly Lock Gate = new();
    private static readonly AsyncLocal<(TextWriter Out, TextWriter Error)?> Console = new();

    /// <summary>Whether a command with <paramref name="environment"/> can run here: not when it sets a kill point (read once
    /// per process) or a runtime setting (read when the runtime starts).</summary>
    public static bool Serves(IReadOnlyDictionary<string, string?> environment) =>
        !environment.Keys.Any(name => name == "DESCENTLAB_TEST_KILL_AT" || name.StartsWith("DOTNET_", StringComparison.Ordinal));

    /// <summary>Runs <paramref name="args"/> in <paramref name="workingDirectory"/> with <paramref name="environment"/> set
    /// (and GITHUB_STEP_SUMMARY cleared unless given), and returns its exit code and what it printed.</summary>
    public static DescentLabProcess.Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] args, TimeSpan patience)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        lock (Gate)
        {
            string directory = Environment.CurrentDirectory;
            var saved = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
            var (consoleOut, consoleError) = (System.Console.Out, System.Console.Error);
            var (outText, errorText) = (new StringBuilder(), new StringBuilder());
            var output = TextWriter.Synchronized(new StringWriter(outText, System.Globalization.CultureInfo.InvariantCulture));
            var error = TextWriter.Synchronized(new StringWriter(errorText, System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                Environment.CurrentDirectory = workingDirectory;
                foreach (var (name, value) in variables)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }

                System.Console.SetOut(new RoutedWriter(consoleOut, () => Console.Value?.Out));
                System.Console.SetError(new RoutedWriter(consoleError, () => Console.Value?.Error));
                var command = Task.Run(() =>
                {
                    // Flows to every thread and task the command starts.
                    Console.Value = (output, error);
                    return DescentLabCommandLine.InvokeAsync(args, output, error);
                });
                if (!command.Wait(patience))
                {
                    Assert.Fail($"descentlab {string.Join(' ', args)} did not finish within {patience}");
                }

                return new DescentLabProcess.Result(command.Result, outText.ToString(), errorText.ToString());
            }
            finally
            {
                System.Console.SetOut(consoleOut);
                System.Console.SetError(consoleError);
                foreach (var (name, value) in saved)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }

                Environment.CurrentDirectory = directory;
            }
        }
    }

    /// <summary>Writes to the writer <paramref name="route"/> gives on the writing thread, else to <paramref name="other"/>.</summary>
    private sealed class RoutedWriter(TextWriter other, Func<TextWriter?> route) : TextWriter
    {
        private TextWriter Target => route() ?? other;

        public override Encoding Encoding => other.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => Target.Write(buffer);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void WriteLine(ReadOnlySpan<char> buffer) => Target.WriteLine(buffer);

        public override Task WriteAsync(string? value) => Target.WriteAsync(value);

        public override Task WriteLineAsync(string? value) => Target.WriteLineAsync(value);

        public override void Flush() => Target.Flush();

        public override Task FlushAsync() => Target.FlushAsync();
    }
}
