using System.Collections.Concurrent;
using System.Diagnostics;

namespace DescentLab.Experiments.Timing;

/// <summary>Wall times of a command's stages (<c>--timings</c>): the pipeline, planner and plot renderer report into the
/// recorder of the current command, and do nothing when none is listening.</summary>
/// <remarks>Ambient (an <see cref="AsyncLocal{T}"/>, which flows into Parallel.For's workers), so measuring a stage is one
/// line where it runs, not a parameter threaded through every layer; a command that runs concurrently with another
/// (serve) never sees the other's recorder.</remarks>
public sealed class StageTimings
{
    private static readonly AsyncLocal<StageTimings?> Ambient = new();
    private readonly ConcurrentQueue<StageTiming> _stages = new();

    /// <summary>The stages recorded so far, in the order they finished.</summary>
    public IReadOnlyList<StageTiming> Stages => [.. _stages];

    /// <summary>Makes a new recorder the current one for this command (and what it starts).</summary>
    public static StageTimings Listen()
    {
        var timings = new StageTimings();
        Ambient.Value = timings;
        return timings;
    }

    /// <summary>Records the stage that began at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>)
    /// and ends now, when a recorder is listening.</summary>
    /// <param name="stage">Its name.</param>
    /// <param name="startTimestamp">When it began.</param>
    /// <param name="part">It ran inside another recorded stage (see <see cref="StageTiming.Part"/>).</param>
    public static void Record(string stage, long startTimestamp, bool part = false) =>
        Ambient.Value?.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(startTimestamp), part));

    /// <summary>Adds a stage measured elsewhere.</summary>
    public void Add(StageTiming stage) => _stages.Enqueue(stage);
}
