using System.Diagnostics;
using System.Security.Cryptography;

namespace DescentLab.Experiments.Plugins;

/// <summary>Which assembly a plug-in variant came from, as manifest.json records it.</summary>
/// <param name="Path">The assembly as the config names it (relative to the config file).</param>
/// <param name="FullPath">Its resolved path.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the assembly's bytes.</param>
/// <param name="Version">Its informational version (with the source commit when the build recorded one), or its file version.</param>
/// <param name="Isolation">Where its variants ran (<see cref="PluginIsolation"/>); manifests written before it was recorded ran
/// them in process.</param>
public sealed record PluginOrigin(string Path, string FullPath, string Sha256, string Version, string Isolation = PluginIsolation.InProcess)
{
    /// <summary>The origin of the assembly at <paramref name="fullPath"/>, named <paramref name="path"/> in the config, whose
    /// variants run as <paramref name="isolation"/> says.</summary>
    public static PluginOrigin Of(string path, string fullPath, string isolation = PluginIsolation.InProcess)
    {
        string hash;
        using (var stream = File.OpenRead(fullPath))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        // FileVersionInfo reads the assembly's version attributes from its metadata without loading it (on every OS).
        var info = FileVersionInfo.GetVersionInfo(fullPath);
        return new PluginOrigin(path, fullPath, hash, info.ProductVersion ?? info.FileVersion ?? string.Empty, isolation);
    }
}
