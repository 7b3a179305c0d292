using System.Text;
using DescentLab.Host.Commands;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Runs a <c>descentlab</c> command line in this process, as <c>Program</c> does in its own: the same entry
/// point, with the working folder and the console of a process that ran it.</summary>
/// <remarks>A cold process spends a second or more of CPU starting the runtime and compiling before it does the command's
/// work; here that is paid once for the whole suite. The working folder belongs to the whole process, so one command
/// runs at a time. The console is shared too: while a command runs, what its threads write goes to its output and what
/// other tests write goes where it went before. A command that needs environment variables of its own runs in a process
/// of its own: set here, they would reach the processes other tests start meanwhile. So do tests of what only a process
/// shows (a kill, several processes at once, signals, the runtime's start-up):
/// <see cref="DescentLabProcess.RunProcess(string, string[])"/>.</remarks>
public static class InProcessCommand
{
    private static readonly Lock Gate = new();
    private static readonly AsyncLocal<(TextWriter Out, TextWriter Error)?> Writers = new();

    /// <summary>Runs <paramref name="args"/> in <paramref name="workingDirectory"/> (GITHUB_STEP_SUMMARY cleared, as for a
    /// process the tests start) and returns its exit code and what it printed.</summary>
    public static DescentLabProcess.Result Run(string workingDirectory, string[] args, TimeSpan patience)
    {
        const string StepSummary = "GITHUB_STEP_SUMMARY";
        lock (Gate)
        {
            string directory = Environment.CurrentDirectory;
            string? stepSummary = Environment.GetEnvironmentVariable(StepSummary);
            var (consoleOut, consoleError) = (Console.Out, Console.Error);
            var (outText, errorText) = (new StringBuilder(), new StringBuilder());
            var output = TextWriter.Synchronized(new StringWriter(outText, System.Globalization.CultureInfo.InvariantCulture));
            var error = TextWriter.Synchronized(new StringWriter(errorText, System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                Environment.CurrentDirectory = workingDirectory;
                Environment.SetEnvironmentVariable(StepSummary, null);

                Console.SetOut(new RoutedWriter(consoleOut, () => Writers.Value?.Out));
                Console.SetError(new RoutedWriter(consoleError, () => Writers.Value?.Error));
                var command = Task.Run(() =>
                {
                    // Flows to every thread and task the command starts.
                    Writers.Value = (output, error);
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
                Console.SetOut(consoleOut);
                Console.SetError(consoleError);
                Environment.SetEnvironmentVariable(StepSummary, stepSummary);
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
