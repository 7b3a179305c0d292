using System.Collections.Concurrent;
using System.Text;

namespace DescentLab.PluginHost;

/// <summary>The lines of stdin, read on a thread of their own so that the end of stdin is seen even while a rule is busy.</summary>
/// <remarks>descentlab closes stdin when it gives up on a run (<c>stop.max_seconds</c>, cancellation) or itself ends; the
/// host then exits at once, which also ends a rule that never returns from an update.</remarks>
internal sealed class StdinLines : IDisposable
{
    private readonly BlockingCollection<string> _lines = new();

    private StdinLines()
    {
    }

    /// <summary>Starts reading stdin.</summary>
    public static StdinLines Start()
    {
        var lines = new StdinLines();
        var reader = new Thread(lines.Read) { IsBackground = true, Name = "stdin" };
        reader.Start();
        return lines;
    }

    /// <summary>The next line; blocks until one arrives.</summary>
    public string Next() => _lines.Take();

    /// <inheritdoc/>
    public void Dispose() => _lines.Dispose();

    private void Read()
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        while (input.ReadLine() is { } line)
        {
            _lines.Add(line);
        }

        // Past "end" there is nothing left to answer; before it, descentlab has abandoned the run.
        Environment.Exit(0);
    }
}
