using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DescentLab.Experiments.Text;
using DescentLab.Experiments.Timing;

namespace DescentLab.Host.Commands;

/// <summary><c>--timings</c> (run, report, merge): after the command, the wall time of each stage of this process on stderr, in a small table
/// (stdout keeps what scripts read, such as the run folders).</summary>
/// <remarks>The first stage runs from the process's start (as the OS recorded it) to the command's start: runtime start,
/// Main and parsing the command line. Every later stage is measured where it runs (<see cref="StageTimings"/>); the total
/// is the process's start to the end of the command, so the top-level stages never add up to more.</remarks>
public sealed class TimingsOption
{
    /// <summary>The first stage's name.</summary>
    public const string ProcessStartStage = "process start to command";

    /// <summary>The host's stage: configuration, logging, services, start.</summary>
    public const string HostStartStage = "host start-up";

    /// <summary>Reading finished run folders (<c>report</c>, <c>merge</c>: the shards, merged).</summary>
    public const string ReadStage = "read run folders";

    private readonly StageTimings _timings;
    private readonly long _commandStart;
    private readonly TimeSpan _sinceProcessStart;

    private TimingsOption(StageTimings timings, long commandStart, TimeSpan sinceProcessStart)
    {
        _timings = timings;
        _commandStart = commandStart;
        _sinceProcessStart = sinceProcessStart;
    }

    /// <summary>The option.</summary>
    public static Option<bool> Create() => new("--timings") { Description = "After the command, print the wall time of each stage of this process (start-up, config, references, runs, each exporter and plot) on stderr." };

    /// <summary>Starts listening for stages when <paramref name="enabled"/>; null otherwise.</summary>
    public static TimingsOption? Listen(bool enabled)
    {
        if (!enabled)
        {
            return null;
        }

        long now = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();

        // The OS keeps the start in clock ticks (10 ms); never let that rounding make a negative stage.
        var sinceStart = DateTime.Now - process.StartTime;
        var timings = StageTimings.Listen();
        var option = new TimingsOption(timings, now, sinceStart > TimeSpan.Zero ? sinceStart : TimeSpan.Zero);
        timings.Add(new StageTiming(ProcessStartStage, option._sinceProcessStart));
        return option;
    }

    /// <summary>Records the host's start-up: call first thing in the command's body.</summary>
    public void HostStarted() => StageTimings.Record(HostStartStage, _commandStart);

    /// <summary>Writes the table: the top-level stages, the total, then the stages that ran in parallel inside them.</summary>
    public void Print(TextWriter writer)
    {
        var total = _sinceProcessStart + Stopwatch.GetElapsedTime(_commandStart);
        var stages = _timings.Stages;
        var rows = new List<(string Name, string Time)> { ("stage", "wall time") };
        rows.AddRange(stages.Where(s => !s.Part).Select(s => (s.Name, Duration(s.Elapsed))));
        rows.Add(("total", Duration(total)));
        var parts = stages.Where(s => s.Part).Select(s => ("  " + s.Name, Duration(s.Elapsed))).ToList();
        int nameWidth = rows.Concat(parts).Max(r => r.Item1.Length);
        int timeWidth = rows.Concat(parts).Max(r => r.Item2.Length);
        foreach (var (name, time) in rows)
        {
            writer.WriteLine($"{name.PadRight(nameWidth)}  {time.PadLeft(timeWidth)}");
        }

        if (parts.Count > 0)
        {
            writer.WriteLine("inside the exporters, in parallel:");
            foreach (var (name, time) in parts)
            {
                writer.WriteLine($"{name.PadRight(nameWidth)}  {time.PadLeft(timeWidth)}");
            }
        }

        // How cold the process was: methods the JIT compiled (not precompiled, or recompiled hot) and the time it took,
        // summed over threads, so it can exceed the wall time.
        writer.WriteLine($"JIT: {JitInfo.GetCompiledMethodCount()} methods compiled in {Duration(JitInfo.GetCompilationTime())} (all threads)");

        // What the collector cost, as BenchmarkDotNet's memory diagnoser reports it: collections by generation (a
        // generation's count includes the older ones' collections), the time every thread stood still for them, and
        // the bytes allocated.
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {Duration(GC.GetTotalPauseDuration())}; {HumanNumber.Format(GC.GetTotalAllocatedBytes() / 1e6)} MB allocated"));
    }

    /// <summary>Milliseconds below a second, seconds from there (so a long run reads <c>12.3 s</c>, not <c>1.23e4 ms</c>).</summary>
    private static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? HumanNumber.Format(elapsed.TotalSeconds) + " s"
        : HumanNumber.Format(elapsed.TotalMilliseconds) + " ms";
}
