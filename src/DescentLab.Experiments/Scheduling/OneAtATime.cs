using System.Collections.Concurrent;

namespace DescentLab.Experiments.Scheduling;

/// <summary>Parallel work over the indices 0..count-1 in order, each worker taking the next index from one shared queue
/// whenever it is free.</summary>
/// <remarks><see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> hands indices out in ranges, and the ranges grow
/// as items finish quickly. A list whose costly items sit together then ends on one thread while the others idle: the
/// nightly's iterative references came after 15 closed-form ones and all ran on one of its two threads, and its plots
/// split in two halves that finished 140 ms apart.</remarks>
public static class OneAtATime
{
    /// <summary>Calls <paramref name="body"/> once for each index, on up to
    /// <see cref="ParallelOptions.MaxDegreeOfParallelism"/> threads; indices start in order.</summary>
    /// <exception cref="AggregateException">What the calls threw, as <see cref="Parallel"/> reports it.</exception>
    public static void For(int count, ParallelOptions options, Action<int> body) =>
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, count), EnumerablePartitionerOptions.NoBuffering), options, body);
}
