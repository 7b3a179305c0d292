using System.Reflection;
using System.Text.RegularExpressions;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Plugins;

/// <summary>Loads a .NET plug-in assembly in its own load context and returns its checked variants.</summary>
public static partial class PluginLoader
{
    /// <summary>The variants of the plug-in at <paramref name="path"/> (an absolute path to its .dll).</summary>
    /// <exception cref="PluginException">Missing or broken assembly, no entry point, or a variant that breaks the contract.</exception>
    public static IReadOnlyList<IVariant> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PluginException($"plug-in not found: {path}");
        }

        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException)
        {
            throw new PluginException($"{path} is not a .NET assembly");
        }
        catch (Exception ex) when (ex is FileLoadException or IOException)
        {
            throw new PluginException($"cannot load {path}: {ex.Message}");
        }

        var variants = new List<IVariant>();
        foreach (var plugin in EntryPoints(assembly, path))
        {
            foreach (var variant in plugin.Variants)
            {
                Check(variant, path);
                variants.Add(variant);
            }
        }

        return variants;
    }

    private static List<IVariantPlugin> EntryPoints(Assembly assembly, string path)
    {
        string file = Path.GetFileName(path);
        try
        {
            var attributes = assembly.GetCustomAttributes<VariantPluginAttribute>().ToList();
            if (attributes.Count == 0)
            {
                throw new PluginException($"{file} declares no variants: add [assembly: VariantPlugin(typeof(YourPlugin))] naming a class that implements IVariantPlugin");
            }

            var plugins = new List<IVariantPlugin>();
            foreach (var attribute in attributes)
            {
                var type = attribute.PluginType;
                if (!typeof(IVariantPlugin).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    throw new PluginException($"{file}: {type.FullName} must implement IVariantPlugin and have a public parameterless constructor");
                }

                plugins.Add((IVariantPlugin)Activator.CreateInstance(type)!);
            }

            return plugins;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new PluginException($"{file}: creating the plug-in threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}");
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            throw new PluginException($"{file}: a dependency cannot be loaded: {ex.Message}");
        }
    }

    /// <summary>The same rules the built-in catalog's tests hold every entry to.</summary>
    private static void Check(IVariant variant, string path)
    {
        string where = $"{Path.GetFileName(path)}: variant '{variant.Name}'";
        if (!NamePattern().IsMatch(variant.Name))
        {
            throw new PluginException($"{where}: a name must be lower-case letters, digits and '_'");
        }

        if (string.IsNullOrWhiteSpace(variant.Description))
        {
            throw new PluginException($"{where}: description must not be empty");
        }

        if ((DeclaredStyle.FamilyError(variant.Family) ?? DeclaredStyle.ColourError(variant.Colour)) is { } style)
        {
            throw new PluginException($"{where}: {style}");
        }

        foreach (var parameter in variant.Parameters)
        {
            if (!parameter.Accepts(parameter.Default))
            {
                throw new PluginException($"{where}: default {parameter.Name} = {parameter.Default.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is outside {parameter.Range}");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
