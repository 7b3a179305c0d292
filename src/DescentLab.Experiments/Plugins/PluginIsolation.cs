namespace DescentLab.Experiments.Plugins;

/// <summary>Where a plug-in's variants run, as a config's <c>plugins[i].isolation</c> and manifest.json name it.</summary>
public static class PluginIsolation
{
    /// <summary>Inside descentlab, through the shared trainer (the default, and what a plain path means).</summary>
    public const string InProcess = "in_process";

    /// <summary>One plug-in host process per run, spoken to through the external optimizer protocol, so it can be killed.</summary>
    public const string Process = "process";

    /// <summary>Every value, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [InProcess, Process];
}
