using System.Reflection;
using System.Runtime.Loader;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Plugins;

/// <summary>Loads one plug-in and its own dependencies in isolation, sharing only DescentLab's contract (DescentLab.Core).</summary>
/// <remarks>Sharing the contract makes the plug-in's <see cref="IVariant"/> the host's; everything else (a different
/// version of a package the host also uses, say) resolves from the plug-in's folder through its .deps.json.</remarks>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileName(pluginPath))
{
    private static readonly string ContractName = typeof(IVariant).Assembly.GetName().Name!;
    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == ContractName)
        {
            return null;
        }

        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
