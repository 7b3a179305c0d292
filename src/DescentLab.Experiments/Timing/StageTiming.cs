namespace DescentLab.Experiments.Timing;

/// <summary>One measured stage of a process.</summary>
/// <param name="Name">What ran, e.g. <c>runs</c> or <c>exporter report</c>.</param>
/// <param name="Elapsed">Its wall time.</param>
/// <param name="Part">Whether it ran inside another recorded stage (a plot inside its exporter), in parallel with others
/// of its kind, so it is not part of the stages that add up to the total.</param>
public sealed record StageTiming(string Name, TimeSpan Elapsed, bool Part = false);
