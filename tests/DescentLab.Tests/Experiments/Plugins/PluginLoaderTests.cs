using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

/// <summary>A plug-in's variants share the host's contract and run through the same trainer as the built-ins.</summary>
public sealed class PluginLoaderTests
{
    [Test]
    public void AdamCopy_FromAPlugin_GivesBitIdenticalCurvesToTheBuiltIn()
    {
        var copy = PluginLoader.Load(PluginPaths.TestPlugins).Single(v => v.Name == "adam_copy");
        var model = CoreRuns.Model("affine");
        var data = CoreRuns.ThreeBeans();
        var options = CoreRuns.Options(2, batch: 2, maxEpochs: 40);

        var builtIn = CoreRuns.Train("adam", model, data, options, lr: 0.05);
        var plugin = model.Train(copy, data, HyperParameters.Resolve(copy, new Dictionary<string, double> { ["lr"] = 0.05 }), options, CancellationToken.None);

        Assert.That(Bits.Of(plugin.Curve), Is.EqualTo(Bits.Of(builtIn.Curve)));
        Assert.That(Bits.Of(plugin.FinalTheta), Is.EqualTo(Bits.Of(builtIn.FinalTheta)));
    }

    [Test]
    public void Load_SharesTheContract_AndKeepsThePluginInItsOwnLoadContext()
    {
        var variants = PluginLoader.Load(PluginPaths.TestPlugins);

        Assert.That(variants.Select(v => v.Name), Is.EqualTo(new[] { "adam_copy", "faulty_throws", "faulty_nan", "faulty_hangs" }));
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(variants[0].GetType().GenericTypeArguments[0].Assembly);
        Assert.That(context, Is.Not.SameAs(System.Runtime.Loader.AssemblyLoadContext.Default));
        Assert.That(variants[0], Is.InstanceOf<IVariant>());
    }
}
