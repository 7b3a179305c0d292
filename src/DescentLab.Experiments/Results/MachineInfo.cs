namespace DescentLab.Experiments.Results;

/// <summary>Where a run set ran.</summary>
public sealed record MachineInfo(string OperatingSystem, string Runtime, int ProcessorCount, string Architecture)
{
    /// <summary>The machine's name in history (the <c>DescentLab:Machine</c> setting, by default the host name); empty in a
    /// manifest written before machines were named.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The CPU model as the operating system names it; empty when it does not say.</summary>
    public string CpuModel { get; init; } = string.Empty;
}
