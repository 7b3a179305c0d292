using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary><c>--set KEY=VALUE</c> overrides, applied to the parsed file before validation: what they change, and the exact
/// errors when they are wrong (the same words as in a file, placed at the override).</summary>
public sealed class ConfigOverrideTests
{
    private const string Config =
        """
        name: t
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 20
          - recipe: beans2
            n: 30
            models: [affine]
        models: [origin]
        variants:
          - sgd: { lr: 0.1 }
          - batch: { lr: [0.1, 0.2] }
          - closed_form
        init: { w: 0.1 }

        """;

    private TestFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void WriteConfig()
    {
        _folder = new TestFolder();
        _path = _folder.Write("c.yaml", Config);
    }

    [TearDown]
    public void DeleteConfig() => _folder.Dispose();

    [Test]
    public void NestedKey_AddsAMappingTheFileLacks()
    {
        var config = LoadWith("stop.max_epochs=7", "stop.target_gap=1e-3");

        Assert.That(config.Stop.MaxEpochs, Is.EqualTo(7));
        Assert.That(config.Stop.TargetGap, Is.EqualTo(1e-3));
        Assert.That(config.Stop.DivergeFactor, Is.EqualTo(new StopConfig().DivergeFactor), "keys not set keep their defaults");
    }

    [Test]
    public void VariantByName_ChangesOnlyThatVariant()
    {
        var config = LoadWith("variants.sgd.lr=0.9");

        Assert.That(Sweep(config, "sgd", "lr"), Is.EqualTo(new[] { 0.9 }));
        Assert.That(Sweep(config, "batch", "lr"), Is.EqualTo(new[] { 0.1, 0.2 }));
    }

    [Test]
    public void FlowList_SweepsAndIndexFormMatchesTheErrorPaths()
    {
        var config = LoadWith("variants.sgd.lr=[0.5, 0.05]", "variants[1].batch.lr=0.3");

        Assert.That(Sweep(config, "sgd", "lr"), Is.EqualTo(new[] { 0.5, 0.05 }));
        Assert.That(Sweep(config, "batch", "lr"), Is.EqualTo(new[] { 0.3 }));
    }

    [Test]
    public void BareVariant_GetsSettings_AndADatasetIsPickedByItsRecipe()
    {
        var config = LoadWith("variants.closed_form=", "datasets.beans2.n=40", "datasets.beans1.models=[affine]");

        Assert.That(config.Variants.Select(v => v.Name), Is.EqualTo(new[] { "sgd", "batch", "closed_form" }));
        Assert.That(config.Datasets.Select(d => d.N), Is.EqualTo(new[] { 20, 40 }));
        Assert.That(config.Datasets[0].Models!.Select(m => m.Key), Is.EqualTo(new[] { "affine" }));
    }

    [Test]
    public void Values_AreYaml_LaterOverridesWin_AndTopLevelListsAreReplaced()
    {
        var config = LoadWith("seeds=[3, 4, 5]", "init.w=-0.5", "init.w=0.25", "record=step", "stop.stop_at_target=true");

        Assert.That(config.Seeds, Is.EqualTo(new ulong[] { 3, 4, 5 }));
        Assert.That(config.Init["w"], Is.EqualTo(0.25));
        Assert.That(config.Record, Is.EqualTo(DescentLab.Core.Training.RecordMode.Step));
        Assert.That(config.Stop.StopAtTarget, Is.True);
        Assert.That(config.Overrides, Is.EqualTo(new[] { "seeds=[3, 4, 5]", "init.w=-0.5", "init.w=0.25", "record=step", "stop.stop_at_target=true" }));
    }

    [Test]
    public void NoOverrides_HashIsTheFilesSha256_AndOverridesChangeIt()
    {
        string fileHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_path)));

        string seven = LoadWith("stop.max_epochs=7").SourceHash;
        string sevenAgain = LoadWith("stop.max_epochs=7").SourceHash;

        Assert.That(LoadWith().SourceHash, Is.EqualTo(fileHash));
        Assert.That(seven, Is.Not.EqualTo(fileHash));
        Assert.That(seven, Is.Not.EqualTo(LoadWith("stop.max_epochs=8").SourceHash));
        Assert.That(sevenAgain, Is.EqualTo(seven), "the same overrides give the same hash");
    }

    private static IEnumerable<TestCaseData> BadOverrides()
    {
        yield return Bad("variants.sgd.lr=abc", "{file}: --set variants.sgd.lr=abc: expected a number > 0 (range (0, inf)), got 'abc'");
        yield return Bad("variants.sgd.lr=\"0.1\"", "{file}: --set variants.sgd.lr=\"0.1\": expected a number > 0 (range (0, inf)), got the string \"0.1\"; write 0.1 without quotes");
        yield return Bad("variants.batch.lr=[0.1, 0]", "{file}: --set variants.batch.lr=[0.1, 0]: variants[1].batch.lr[1]: expected a number > 0 (range (0, inf)), got 0");
        yield return Bad("stop.max_epochs=-5", "{file}: --set stop.max_epochs=-5: expected an integer in [0, 2147483647], got -5");
        yield return Bad("stop.max_ep=5", "{file}: --set stop.max_ep=5: unknown key; did you mean 'max_epochs'?");
        yield return Bad("varients.sgd.lr=1", "{file}: --set varients.sgd.lr=1: varients: unknown key; did you mean 'variants'?");
        yield return Bad("variants.sgd.beta=1", "{file}: --set variants.sgd.beta=1: unknown key; valid keys: lr, batch, shuffle");
        yield return Bad("variants.sdg.lr=1", "{file}: --set variants.sdg.lr=1: variants: no variant 'sdg' in the list (did you mean 'sgd'?); its variants: sgd, batch, closed_form");
        yield return Bad("datasets.beans7.n=5", "{file}: --set datasets.beans7.n=5: datasets: no dataset 'beans7' in the list; its datasets: beans1, beans2");
        yield return Bad("variants[5].lr=1", "{file}: --set variants[5].lr=1: variants: there is no item [5]: the list has 3 items");
        yield return Bad("name.x=1", "{file}: --set name.x=1: name: this is 't', which has no key 'x'");
        yield return Bad("record=steps", "{file}: --set record=steps: expected 'epoch' or 'step', got 'steps'; did you mean 'step'?");
        yield return Bad("stop.max_epochs=[1, 2", "{file}: --set stop.max_epochs=[1, 2: syntax error: while parsing a flow sequence, did not find expected ',' or ']' (at column 1 of the value)");
    }

    [TestCaseSource(nameof(BadOverrides))]
    public void BadOverride_IsReportedLikeTheFileWouldBe_AtTheOverride(string given, string expected)
    {
        var result = ConfigLoader.Load(_path, ConfigLimits.Default, overrides: [Parse(given)]);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { expected.Replace("{file}", _path, StringComparison.Ordinal) }));
    }

    [Test]
    public void FileErrors_StayAtTheirLines_AndComeBeforeTheOverrides()
    {
        string bad = _folder.Write("bad.yaml", Config.Replace("lr: 0.1 }", "lr: -1 }", StringComparison.Ordinal));

        var result = ConfigLoader.Load(bad, ConfigLimits.Default, overrides: [Parse("stop.max_ep=5")]);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"{bad}:11:16: variants[0].sgd.lr: expected a number > 0 (range (0, inf)), got -1",
            $"{bad}: --set stop.max_ep=5: unknown key; did you mean 'max_epochs'?",
        }));
    }

    [TestCase("stop.max_epochs", "--set stop.max_epochs: expected KEY=VALUE, e.g. --set variants.sgd.lr=0.9")]
    [TestCase("stop..max_epochs=1", "--set stop..max_epochs=1: expected a key such as stop.max_epochs, variants.sgd.lr or datasets[0].n, got 'stop..max_epochs'")]
    [TestCase("variants[x].lr=1", "--set variants[x].lr=1: expected a key such as stop.max_epochs, variants.sgd.lr or datasets[0].n (an item index is [0], [1], ...), got 'variants[x].lr'")]
    public void MalformedOverride_IsRefusedBeforeAnyConfigIsRead(string given, string expected)
    {
        Assert.That(ConfigOverride.TryParse(given, out string error), Is.Null);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void Manifest_RecordsTheEffectiveConfig_TheOverrides_AndTheirHash()
    {
        string small = _folder.Write("small.yaml", Config.Replace("  - recipe: beans2\n    n: 30\n    models: [affine]\n", string.Empty, StringComparison.Ordinal) + "stop: { max_epochs: 4 }\n");
        var plain = TestRunSets.Run(ConfigLoader.Load(small, ConfigLimits.Default).Config!, resolveConfig: true).Manifest;

        var overridden = TestRunSets.Run(Load(small, "stop.max_epochs=2", "variants.sgd.lr=0.3"), resolveConfig: true).Manifest;

        Assert.That(plain.ResolvedConfig.Stop.MaxEpochs, Is.EqualTo(4));
        Assert.That(overridden.ResolvedConfig.Stop.MaxEpochs, Is.EqualTo(2));
        Assert.That(overridden.ResolvedConfig.Variants.First(v => v.Name == "sgd").Parameters["lr"], Is.EqualTo(new[] { 0.3 }));
        Assert.That(overridden.ConfigHash, Is.Not.EqualTo(plain.ConfigHash));
        Assert.That(overridden.ResolvedConfig.SourceHash, Is.EqualTo(overridden.ConfigHash));
        Assert.That(plain.Overrides, Is.Null);
        Assert.That(overridden.Overrides, Is.EqualTo(new[] { "stop.max_epochs=2", "variants.sgd.lr=0.3" }));
        string json = Json(overridden);
        Assert.That(json, Does.Contain("\"overrides\": [\n    \"stop.max_epochs=2\",\n    \"variants.sgd.lr=0.3\"\n  ],"));
        Assert.That(Json(plain), Does.Not.Contain("\"overrides\""), "a manifest without overrides reads as before");
    }

    private static TestCaseData Bad(string given, string expected) => new TestCaseData(given, expected).SetName($"BadOverride({given})");

    private static ConfigOverride Parse(string text) => ConfigOverride.TryParse(text, out string error) ?? throw new AssertionException(error);

    private static string Json(RunManifest manifest)
    {
        using var writer = new StringWriter();
        ManifestJson.Write(writer, manifest, "/srv/reports/overrides/20250101-000000/manifest.json");
        return writer.ToString();
    }

    private static IReadOnlyList<double> Sweep(ExperimentConfig config, string variant, string parameter) =>
        config.Variants.Single(v => v.Name == variant).Sweeps.Single(s => s.Key == parameter).Value;

    private ExperimentConfig LoadWith(params string[] overrides) => Load(_path, overrides);

    private static ExperimentConfig Load(string path, params string[] overrides)
    {
        var result = ConfigLoader.Load(path, ConfigLimits.Default, overrides: [.. overrides.Select(Parse)]);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Config!;
    }
}
