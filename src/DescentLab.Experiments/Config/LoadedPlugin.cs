using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Config;

/// <summary>A .NET plug-in named in the config, with the variants it contributes.</summary>
/// <param name="Path">Absolute path of the assembly.</param>
/// <param name="Variants">Its variants, in its listing order.</param>
public sealed record LoadedPlugin(string Path, IReadOnlyList<IVariant> Variants);
