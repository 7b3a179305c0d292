namespace DescentLab.Core.Variants;

/// <summary>The variants a .NET plug-in contributes; named by <see cref="VariantPluginAttribute"/> on the plug-in's assembly.</summary>
/// <remarks>The class needs a public parameterless constructor. Build variants the way the built-ins are built:
/// <c>new RuleVariant&lt;MyRule&gt;(new VariantInfo(...), h =&gt; new MyRule(h["lr"]))</c>, so they run through the same trainer.</remarks>
public interface IVariantPlugin
{
    /// <summary>The plug-in's variants, in listing order.</summary>
    IReadOnlyList<IVariant> Variants { get; }
}
