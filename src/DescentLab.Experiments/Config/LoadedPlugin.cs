using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config;

/// <summary>A .NET plug-in named in the config, with the variants it contributes.</summary>
/// <param name="Path">Absolute path of the assembly.</param>
/// <param name="Variants">Its variants, in its listing order.</param>
/// <param name="Origin">The assembly as the config names it, its digest and version, for the manifest.</param>
public sealed record LoadedPlugin(string Path, IReadOnlyList<IVariant> Variants, PluginOrigin Origin);
