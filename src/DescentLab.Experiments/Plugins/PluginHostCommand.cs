using System.Runtime.InteropServices;
using DescentLab.Experiments.External;

namespace DescentLab.Experiments.Plugins;

/// <summary>How to start the plug-in host that runs one variant of a plug-in with <c>isolation: process</c>:
/// <c>dotnet descentlab-pluginhost.dll PLUGIN.dll VARIANT</c>, with the host shipped next to descentlab.</summary>
public static class PluginHostCommand
{
    /// <summary>The host's file name.</summary>
    public const string FileName = "descentlab-pluginhost.dll";

    /// <summary>The host next to the running application.</summary>
    public static string HostPath { get; } = Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>The command for <paramref name="variant"/> of the plug-in at <paramref name="pluginPath"/> (absolute).</summary>
    /// <remarks>No timeout per answer: an update may take as long as it does in process; <c>stop.max_seconds</c> is what
    /// bounds a run. Start-up gets the external default, as any process does.</remarks>
    public static ExternalCommand For(string pluginPath, string variant) =>
        new([Dotnet(), HostPath, pluginPath, variant], Path.GetDirectoryName(pluginPath)!, Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(ExternalCommand.DefaultStartTimeoutSeconds));

    /// <summary>The dotnet executable of the runtime descentlab runs on (the host needs the same one), or <c>dotnet</c>
    /// from PATH when it cannot be found.</summary>
    private static string Dotnet()
    {
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == name)
        {
            return process;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string muxer = Path.Combine(root, name);
        return File.Exists(muxer) ? muxer : "dotnet";
    }
}
