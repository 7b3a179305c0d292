using DescentLab.Experiments.Config;
using DescentLab.Output.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Json;

/// <summary>The regression block in manifest.json carries allow_missing, so <c>merge</c> and <c>compare</c> apply it.</summary>
public sealed class ManifestRegressionTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void Write_AllowMissing_ReadsBackEqual(bool allowMissing)
    {
        using var folder = new TempFolder();
        var manifest = AwkwardRuns.Manifest([]);
        var regression = new RegressionConfig("/b/gate.csv", 1e-3, 1e-9, 2, Fail: true, AllowMissing: allowMissing);
        manifest = manifest with { ResolvedConfig = manifest.ResolvedConfig with { Regression = regression } };
        using var writer = new StringWriter();
        ManifestJson.Write(writer, manifest, folder.PathOf("manifest.json"));

        string path = folder.Write("manifest.json", writer.ToString());

        Assert.That(writer.ToString(), Does.Contain(allowMissing ? "\"allow_missing\": true" : "\"allow_missing\": false"));
        Assert.That(ManifestJson.Read(path).ResolvedConfig.Regression, Is.EqualTo(regression));
    }
}
