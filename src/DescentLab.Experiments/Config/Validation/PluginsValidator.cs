using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads <c>plugins: [path/to/My.dll, { path: Other.dll, isolation: process }]</c> (paths relative to the config
/// file) and loads each plug-in's variants; with <c>isolation: process</c> each variant runs in a plug-in host process.</summary>
/// <remarks>A missing or broken assembly and a variant whose name is already taken are errors at the list item.</remarks>
internal static class PluginsValidator
{
    private const string ListKey = "plugins";
    private const string Expected = "the path of a plug-in .dll, or { path: My.dll, isolation: process }";

    /// <summary>The keys of an entry written as a mapping.</summary>
    internal static readonly IReadOnlyList<string> EntryKeys = ConfigKeys.NamesUnder(ConfigKeys.Plugin);

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
            if (Entry(context, list.Items[i], path) is not { } entry)
            {
                continue;
            }

            string fullPath = Path.GetFullPath(Path.Combine(configDirectory, entry.Given));
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
                if (entry.Isolation == PluginIsolation.InProcess)
                {
                    accepted.Add(variant);
                }
                else if (variant is IRuleSource)
                {
                    accepted.Add(new ProcessPluginVariant(variant, PluginHostCommand.For(fullPath, variant.Name)));
                }
                else
                {
                    context.Error(list.Items[i], path, $"plug-in variant '{variant.Name}' is not a RuleVariant, so it cannot run with isolation: {PluginIsolation.Process}");
                }
            }

            plugins.Add(new LoadedPlugin(fullPath, accepted, PluginOrigin.Of(entry.Given, fullPath, entry.Isolation)));
        }

        return plugins;
    }

    /// <summary>A plain path (in process), or a mapping with <c>path</c> and <c>isolation</c>; null after reporting.</summary>
    private static (string Given, string Isolation)? Entry(ValidationContext context, ConfigNode item, string path)
    {
        if (item is not MappingNode mapping)
        {
            return context.Text(item, path, Expected) is { } plain ? (plain, PluginIsolation.InProcess) : null;
        }

        var keys = context.Keys(mapping, path, EntryKeys);
        string? given = context.Required(keys, "path", mapping, path) is { } pathNode ? context.Text(pathNode, KeyPath.Child(path, "path"), "the path of a plug-in .dll") : null;
        string? isolation = keys.TryGetValue("isolation", out var isolationEntry) ? Isolation(context, isolationEntry.Value, KeyPath.Child(path, "isolation")) : PluginIsolation.InProcess;
        // A bad isolation is reported; the plug-in is still read, so its variant names do not add errors of their own.
        return given is not null ? (given, isolation ?? PluginIsolation.InProcess) : null;
    }

    private static string? Isolation(ValidationContext context, ConfigNode node, string path)
    {
        string expected = string.Join(" or ", PluginIsolation.All.Select(v => $"'{v}'"));
        if (context.Text(node, path, expected) is not { } text)
        {
            return null;
        }

        if (PluginIsolation.All.Contains(text, StringComparer.Ordinal))
        {
            if (text == PluginIsolation.Process && !File.Exists(PluginHostCommand.HostPath))
            {
                context.Error(node, path, $"isolation: {PluginIsolation.Process} needs the plug-in host {PluginHostCommand.HostPath}, which is missing; reinstall descentlab");
                return null;
            }

            return text;
        }

        string? hint = Suggestions.Closest(text, PluginIsolation.All);
        context.Error(node, path, $"expected {expected}, got '{text}'{(hint is null ? string.Empty : $"; did you mean '{hint}'?")}");
        return null;
    }
}
