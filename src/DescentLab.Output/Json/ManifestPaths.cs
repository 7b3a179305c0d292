using DescentLab.Experiments.Results;
using DescentLab.Output.Files;

namespace DescentLab.Output.Json;

/// <summary>The file paths a manifest holds (the config file, dataset files, plug-in assemblies): absolute in memory,
/// relative to manifest.json's folder on disk (<see cref="PortablePath"/>), so a run folder can be moved, copied to
/// another machine or read from any working directory. Manifests of older versions hold absolute paths; they still read.</summary>
public static class ManifestPaths
{
    /// <summary><paramref name="manifest"/> as stored in <paramref name="manifestPath"/>: each path relative to its folder.</summary>
    public static RunManifest ToStored(RunManifest manifest, string manifestPath) =>
        Map(manifest, path => PortablePath.RelativeTo(manifestPath, path));

    /// <summary><paramref name="manifest"/> as read from <paramref name="manifestPath"/>: each path absolute again.</summary>
    public static RunManifest FromStored(RunManifest manifest, string manifestPath) =>
        Map(manifest, path => PortablePath.FromHolder(manifestPath, path));

    private static RunManifest Map(RunManifest manifest, Func<string, string> map)
    {
        var config = manifest.ResolvedConfig;
        return manifest with
        {
            ResolvedConfig = config with
            {
                SourcePath = config.SourcePath.Length > 0 ? map(config.SourcePath) : config.SourcePath,
                Datasets = [.. config.Datasets.Select(d => d.FullPath is { } path ? d with { FullPath = map(path) } : d)],
                Variants = [.. config.Variants.Select(v => v.Plugin is { } plugin ? v with { Plugin = plugin with { FullPath = map(plugin.FullPath) } } : v)],
            },
        };
    }
}
