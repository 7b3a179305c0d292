namespace DescentLab.Core.Variants;

/// <summary>Marks an assembly as a DescentLab plug-in: <c>[assembly: VariantPlugin(typeof(MyPlugin))]</c>.</summary>
/// <remarks>An explicit entry point rather than a scan of the assembly's types, like the built-in catalogs.</remarks>
/// <param name="pluginType">A public class implementing <see cref="IVariantPlugin"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class VariantPluginAttribute(Type pluginType) : Attribute
{
    /// <summary>The class implementing <see cref="IVariantPlugin"/>.</summary>
    public Type PluginType { get; } = pluginType;
}
