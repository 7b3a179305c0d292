using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;

namespace DescentLab.PluginHost;

/// <summary>Finds the variant the host serves in its plug-in.</summary>
internal static class HostedRule
{
    /// <summary>The variant <paramref name="name"/> of the plug-in at <paramref name="pluginPath"/>, as a rule source.</summary>
    /// <exception cref="PluginException">The plug-in cannot be loaded, has no such variant, or the variant is not made of an update rule.</exception>
    public static (IVariant Variant, IRuleSource Source) Find(string pluginPath, string name)
    {
        var variant = PluginLoader.Load(Path.GetFullPath(pluginPath)).FirstOrDefault(v => v.Name == name)
            ?? throw new PluginException($"{Path.GetFileName(pluginPath)} has no variant '{name}'");
        return variant is IRuleSource source
            ? (variant, source)
            : throw new PluginException($"{Path.GetFileName(pluginPath)}: variant '{name}' is not a RuleVariant, so it cannot run out of process");
    }
}
