using DescentLab.Experiments.Config;
using DescentLab.Experiments.Plugins;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

/// <summary>A <c>plugins</c> entry written as <c>{ path, isolation }</c>: checked like every other key, recorded in the
/// resolved config, and turned into variants that run in the plug-in host.</summary>
public sealed class PluginIsolationConfigTests
{
    private static string Config(string entry) => $"""
        name: p
        seeds: [1]
        plugins:
          - {entry}
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants: [adam_copy]
        """;

    [Test]
    public void Load_IsolationProcess_VariantRunsInThePluginHostAndTheOriginSaysSo()
    {
        using var temp = TempWithPlugin();
        string path = temp.Write("p.yaml", Config("{ path: T.dll, isolation: process }"));

        var result = ConfigLoader.Load(path, ConfigLimits.Default);

        Assert.That(result.Errors, Is.Empty);
        var variant = (ProcessPluginVariant)result.Config!.Variants.Single().Variant;
        Assert.That(variant.Command.Argv.Skip(1), Is.EqualTo(new[] { PluginHostCommand.HostPath, temp.PathOf("T.dll"), "adam_copy" }));
        Assert.That(variant.Family, Is.EqualTo("adaptive"));
        Assert.That(variant.Colour, Is.EqualTo("#6b6ecf"));
        var resolved = ResolvedConfig.From(result.Config).Variants.Single();
        Assert.That(resolved.Plugin!.Isolation, Is.EqualTo("process"));
        Assert.That(resolved.Plugin.Path, Is.EqualTo("T.dll"));
    }

    [TestCase("T.dll")]
    [TestCase("{ path: T.dll }")]
    [TestCase("{ path: T.dll, isolation: in_process }")]
    public void Load_PlainPathOrInProcess_RunsInProcess(string entry)
    {
        using var temp = TempWithPlugin();
        string path = temp.Write("p.yaml", Config(entry));

        var result = ConfigLoader.Load(path, ConfigLimits.Default);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Config!.Variants.Single().Variant, Is.Not.TypeOf<ProcessPluginVariant>());
        Assert.That(ResolvedConfig.From(result.Config).Variants.Single().Plugin!.Isolation, Is.EqualTo("in_process"));
    }

    [Test]
    public void Load_MisspeltIsolationValue_SaysWhereAndSuggestsIt()
    {
        using var temp = TempWithPlugin();
        string path = temp.Write("p.yaml", Config("{ path: T.dll, isolation: proces }"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:4:31: plugins[0].isolation: expected 'in_process' or 'process', got 'proces'; did you mean 'process'?" }));
    }

    [Test]
    public void Load_MisspeltIsolationKey_SuggestsIt()
    {
        using var temp = TempWithPlugin();
        string path = temp.Write("p.yaml", Config("{ path: T.dll, isolaton: process }"));

        Assert.That(Errors(path), Is.EqualTo(new[] { $"{path}:4:20: plugins[0].isolaton: unknown key; did you mean 'isolation'?" }));
    }

    [Test]
    public void Load_MappingWithoutPath_IsAnErrorAtTheEntry()
    {
        using var temp = TempWithPlugin();
        string path = temp.Write("p.yaml", Config("{ isolation: process }"));

        Assert.That(Errors(path), Does.Contain($"{path}:4:5: plugins[0]: missing required key 'path'"));
    }

    private static TempFolder TempWithPlugin()
    {
        var temp = new TempFolder();
        File.Copy(PluginPaths.TestPlugins, temp.PathOf("T.dll"));
        return temp;
    }

    private static string[] Errors(string path) => [.. ConfigLoader.Load(path, ConfigLimits.Default).Errors.Select(e => e.ToString())];
}
