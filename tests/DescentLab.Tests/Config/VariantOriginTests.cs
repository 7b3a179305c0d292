using System.Security.Cryptography;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.External;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>What the resolved config (and so manifest.json) records about variants that are not built in: the plug-in
/// assembly as written and resolved, its digest and version; an external command and the digests of the files it names.</summary>
[NonParallelizable]
public sealed class VariantOriginTests
{
    private static readonly string Fake = Path.Combine(AppContext.BaseDirectory, "Experiments", "External", "fake_optimizer.py");

    [Test]
    public void From_PluginAndExternalVariants_RecordTheirOrigin_BuiltInsNone()
    {
        using var temp = new TempFolder();
        File.Copy(Fake, temp.PathOf("fake.py"));
        string script = temp.Write("opt.sh", "#!/bin/sh\nexec python3 fake.py \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string plugin = Path.GetRelativePath(temp.FullPath, PluginPaths.TestPlugins);
        string path = temp.Write("o.yaml", $"""
            name: o
            seeds: [1]
            plugins: [{plugin}]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants:
              - adam_copy
              - external: {"{ command: [python3, fake.py, good] }"}
              - external: {"{ command: [./opt.sh, styled] }"}
              - batch
            """);
        var loaded = ConfigLoader.Load(path, ConfigLimits.Default);
        Assert.That(loaded.Errors, Is.Empty);

        var variants = ResolvedConfig.From(loaded.Config!).Variants;

        Assert.Multiple(() =>
        {
            var origin = variants[0].Plugin!;
            Assert.That((origin.Path, origin.FullPath, origin.Sha256), Is.EqualTo((plugin, PluginPaths.TestPlugins, Sha256(PluginPaths.TestPlugins))));
            Assert.That(origin.Version, Does.StartWith("1.0.0"));
            Assert.That(variants[0].External, Is.Null);

            Assert.That(variants[1].External!.Command, Is.EqualTo(new[] { "python3", "fake.py", "good" }));
            Assert.That(variants[1].External!.Files, Is.EqualTo(new[] { new FileDigest("fake.py", Sha256(temp.PathOf("fake.py"))) }), "python3 is looked up on PATH: not hashed");
            Assert.That(variants[2].External!.Files, Is.EqualTo(new[] { new FileDigest("./opt.sh", Sha256(script)) }));
            Assert.That(variants[1].Plugin, Is.Null);

            Assert.That((variants[3].Plugin, variants[3].External), Is.EqualTo(((object?)null, (object?)null)));
            Assert.That(variants.Select(v => v.Family), Is.EqualTo(new[] { VariantFamily.Adaptive, ExternalVariant.ExternalFamily, VariantFamily.Adaptive, VariantFamily.Plain }));
            Assert.That(variants.Select(v => v.Colour), Is.EqualTo(new[] { "#6b6ecf", FallbackColours.All[0], "#123456", "#0072b2" }));
        });
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
