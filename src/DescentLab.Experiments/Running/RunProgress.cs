namespace DescentLab.Experiments.Running;

/// <summary>Progress of a run set: how many runs finished, and the last one.</summary>
public readonly record struct RunProgress(int Completed, int Total, RunResult Last);
