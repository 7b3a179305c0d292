using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads <c>plugins: [path/to/My.dll]</c> (paths relative to the config file) and loads each plug-in's variants.</summary>
/// <remarks>A missing or broken assembly and a variant whose name is already taken are errors at the list item.</remarks>
internal static class PluginsValidator
{
    private const string ListKey = "plugins";

    /// <summary>Loaded plug-ins, in config order.</summary>
    public static IReadOnlyList<LoadedPlugin> Read(ValidationContext context, ConfigNode? node, string configDirectory)
    {
        var plugins = new List<LoadedPlugin>();
        if (node is null || context.NonEmptyList(node, ListKey, "a non-empty list of plug-in assemblies, e.g. [plugins/MyOptimizers.dll]") is not { } list)
        {
            return plugins;
        }

        var taken = VariantCatalog.All.ToDictionary(v => v.Name, _ => "the built-in variant", StringComparer.Ordinal);
        for (int i = 0; i < list.Items.Count; i++)
        {
            string path = KeyPath.Item(ListKey, i);
            if (context.Text(list.Items[i], path, "the path of a plug-in .dll") is not { } given)
            {
                continue;
            }

            string fullPath = Path.GetFullPath(Path.Combine(configDirectory, given));
            IReadOnlyList<IVariant> variants;
            try
            {
                variants = PluginLoader.Load(fullPath);
            }
            catch (PluginException ex)
            {
                context.Error(list.Items[i], path, ex.Message);
                continue;
            }

            var accepted = new List<IVariant>();
            foreach (var variant in variants)
            {
                if (taken.TryGetValue(variant.Name, out string? owner))
                {
                    context.Error(list.Items[i], path, $"plug-in variant '{variant.Name}' clashes with {owner} '{variant.Name}'; give it another name");
                    continue;
                }

                taken[variant.Name] = $"the variant of {path}";
                accepted.Add(variant);
            }

            plugins.Add(new LoadedPlugin(fullPath, accepted, PluginOrigin.Of(given, fullPath)));
        }

        return plugins;
    }
}
