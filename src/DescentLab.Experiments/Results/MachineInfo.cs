namespace DescentLab.Experiments.Results;

/// <summary>Where a run set ran.</summary>
public sealed record MachineInfo(string OperatingSystem, string Runtime, int ProcessorCount, string Architecture);
