using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>The machine a recorded run set ran on and its environment; each part is null where a run set recorded before
/// machines were kept (or a manifest that does not say) leaves it unknown.</summary>
/// <param name="Machine">The machine's name (the <c>DescentLab:Machine</c> setting, by default the host name).</param>
/// <param name="OperatingSystem">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="CpuModel">CPU model.</param>
/// <param name="Processors">Logical processors.</param>
/// <param name="Architecture">Processor architecture.</param>
/// <param name="DescentLabVersion">DescentLab's version.</param>
public sealed record HistoryEnvironment(
    string? Machine,
    string? OperatingSystem,
    string? Runtime,
    string? CpuModel,
    int? Processors,
    string? Architecture,
    string? DescentLabVersion)
{
    /// <summary>Nothing known (a run set recorded before machines were kept).</summary>
    public static HistoryEnvironment Unknown { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The environment <paramref name="manifest"/> records.</summary>
    public static HistoryEnvironment Of(RunManifest manifest) => new(
        Known(manifest.Machine.Name),
        Known(manifest.Machine.OperatingSystem),
        Known(manifest.Machine.Runtime),
        Known(manifest.Machine.CpuModel),
        manifest.Machine.ProcessorCount > 0 ? manifest.Machine.ProcessorCount : null,
        Known(manifest.Machine.Architecture),
        manifest.Versions.TryGetValue("descentlab", out string? version) ? Known(version) : null);

    private static string? Known(string text) => text.Length > 0 ? text : null;
}
