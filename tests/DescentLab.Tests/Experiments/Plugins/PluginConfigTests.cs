using DescentLab.Experiments.Config;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

/// <summary>A config's <c>plugins</c> list: plug-in variants are validated like built-ins, and every broken plug-in is a
/// config error at its list item.</summary>
public sealed class PluginConfigTests
{
    private static string Config(string plugins, string variants) => $"""
        name: p
        seeds: [1]
        plugins: [{plugins}]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - {variants}
        """;

    [Test]
    public void Load_PluginVariant_ResolvesLikeABuiltIn()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config(PluginPaths.TestPlugins, "adam_copy: { lr: [0.1, 0.01], batch: 5 }"));

        var result = ConfigLoader.Load(path, ConfigLimits.Default);

        Assert.That(result.Errors, Is.Empty);
        var variant = result.Config!.Variants.Single();
        Assert.That(variant.Variant.Name, Is.EqualTo("adam_copy"));
        Assert.That(variant.Sweeps.Single().Value, Is.EqualTo(new[] { 0.1, 0.01 }));
        Assert.That(result.Config.Plugins.Single().Path, Is.EqualTo(PluginPaths.TestPlugins));
    }

    [Test]
    public void Load_RelativePluginPath_IsRelativeToTheConfigFile()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("plugins"));
        File.Copy(PluginPaths.TestPlugins, temp.PathOf("plugins", "Mine.dll"));
        string path = temp.Write("p.yaml", Config("plugins/Mine.dll", "faulty_nan"));

        var result = ConfigLoader.Load(path, ConfigLimits.Default);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Config!.Variants.Single().Variant.Name, Is.EqualTo("faulty_nan"));
    }

    [Test]
    public void Load_MissingAssembly_ErrorAtTheListItem()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config("nope/Missing.dll", "sgd"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:3:11: plugins[0]: plug-in not found: {temp.PathOf("nope", "Missing.dll")}" }));
    }

    [Test]
    public void Load_BrokenAssembly_ErrorAtTheListItem()
    {
        using var temp = new TempFolder();
        temp.Write("Broken.dll", "not an assembly");
        string path = temp.Write("p.yaml", Config("Broken.dll", "sgd"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:3:11: plugins[0]: {temp.PathOf("Broken.dll")} is not a .NET assembly" }));
    }

    [Test]
    public void Load_AssemblyWithoutEntryPoint_SaysWhatToAdd()
    {
        using var temp = new TempFolder();
        string nunit = typeof(Assert).Assembly.Location;
        string path = temp.Write("p.yaml", Config(nunit, "sgd"));

        Assert.That(Errors(path), Is.EqualTo(new[]
        {
            $"{path}:3:11: plugins[0]: nunit.framework.dll declares no variants: add [assembly: VariantPlugin(typeof(YourPlugin))] naming a class that implements IVariantPlugin",
        }));
    }

    [Test]
    public void Load_NameClashWithABuiltIn_IsAnError()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config(PluginPaths.ClashPlugin, "sgd"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:3:11: plugins[0]: plug-in variant 'adam' clashes with the built-in variant 'adam'; give it another name" }));
    }

    [Test]
    public void Load_SamePluginTwice_SecondClashesWithTheFirst()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config($"{PluginPaths.Lion}, {PluginPaths.Lion}", "lion"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:3:{13 + PluginPaths.Lion.Length}: plugins[1]: plug-in variant 'lion' clashes with the variant of plugins[0] 'lion'; give it another name" }));
    }

    [Test]
    public void Load_PluginVariantBadHyperParameters_SameMessagesAsBuiltIns()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config(PluginPaths.TestPlugins, "adam_copy: { lr: -1, beta: 0.5 }"));

        Assert.That(Errors(path), Is.EqualTo(new[]
        {
            $"{path}:9:22: variants[0].adam_copy.lr: expected a number > 0 (range (0, inf)), got -1",
            $"{path}:9:26: variants[0].adam_copy.beta: unknown key; valid keys: lr, beta1, beta2, eps, batch, shuffle",
        }));
    }

    [Test]
    public void Load_MisspelledPluginVariant_SuggestsIt()
    {
        using var temp = new TempFolder();
        string path = temp.Write("p.yaml", Config(PluginPaths.TestPlugins, "adam_cpy"));

        Assert.That(Errors(path).Single(), Is.EqualTo(
            $"{path}:9:5: variants[0]: unknown variant 'adam_cpy' (did you mean 'adam_copy'?); valid variants: closed_form, batch, sgd, minibatch, fixed_step, "
            + "rosenblatt, momentum, nesterov, adagrad, rmsprop, adam, line_search, adam_copy, faulty_throws, faulty_nan, faulty_hangs"));
    }

    private static string[] Errors(string path) => [.. ConfigLoader.Load(path, ConfigLimits.Default).Errors.Select(e => e.ToString())];
}
