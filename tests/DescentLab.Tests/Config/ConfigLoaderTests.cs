using System.Security.Cryptography;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Output.Json;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>Valid configs resolve with every default filled in, whichever format and current directory.</summary>
public sealed class ConfigLoaderTests
{
    private const string Yaml =
        """
        # every section, lists and mappings in both styles
        name: same.experiment-1
        seeds: [3, 1, 18446744073709551615]
        datasets:
          - recipe: beans1
            n: 40
          - recipe: beans5
            n: 30
            models:
              - logistic: { loss: cross_entropy }
          - file: data/mine.csv
        models:
          - origin
          - affine
        variants:
          - closed_form
          - sgd: { lr: [0.1, 0.01], shuffle: true }
          - minibatch: { lr: 0.2, batch: [2, all] }
          - adam: { beta1: 0.8, lr: 0.05 }
          - rmsprop
        init: { w: 0.5, b: -0.25, w2: 1 }
        stop:
          max_epochs: 20
          target_gap: 1.0e-8
          stop_at_target: true
          diverge_factor: 1000
        record: step
        regression:
          baseline: baselines/nightly.csv
          gap_rel_tol: 0.001
          epochs_tol: 2
          fail: true
          allow_missing: true

        """;

    private const string Json =
        """
        {
          // the same experiment as the YAML one
          "name": "same.experiment-1",
          "seeds": [3, 1, 18446744073709551615],
          "datasets": [
            { "recipe": "beans1", "n": 40 },
            { "recipe": "beans5", "n": 30, "models": [{ "logistic": { "loss": "cross_entropy" } }] },
            { "file": "data/mine.csv" },
          ],
          "models": ["origin", "affine"],
          "variants": [
            "closed_form",
            { "sgd": { "lr": [0.1, 0.01], "shuffle": true } },
            { "minibatch": { "lr": 0.2, "batch": [2, "all"] } },
            { "adam": { "beta1": 0.8, "lr": 0.05 } },
            { "rmsprop": null },
          ],
          "init": { "w2": 1, "b": -0.25, "w": 0.5 },
          "stop": { "max_epochs": 20, "target_gap": 1.0e-8, "stop_at_target": true, "diverge_factor": 1000 },
          "record": "step",
          "regression": { "baseline": "baselines/nightly.csv", "gap_rel_tol": 0.001, "epochs_tol": 2, "fail": true, "allow_missing": true },
        }
        """;

    private const string MineCsv = "x,y\n0.5,1\n1.5,2\n2.5,3\n";

    [Test]
    public void Load_YamlAndJsonOfOneExperiment_ResolveToTheSameJson()
    {
        using var folder = new TestFolder();
        folder.Write("data/mine.csv", MineCsv);
        var yaml = Loaded(folder.Write("same.yaml", Yaml));
        var json = Loaded(folder.Write("same.json", Json));

        string yamlText = ResolvedConfigJson.ToText(ResolvedConfig.From(yaml with { SourcePath = string.Empty, SourceHash = string.Empty }));
        string jsonText = ResolvedConfigJson.ToText(ResolvedConfig.From(json with { SourcePath = string.Empty, SourceHash = string.Empty }));

        Assert.That(jsonText, Is.EqualTo(yamlText));
    }

    [Test]
    public void Load_FullConfig_ResolvesEverySection()
    {
        using var folder = new TestFolder();
        folder.Write("data/mine.csv", MineCsv);
        var config = Loaded(folder.Write("same.yaml", Yaml));

        Assert.Multiple(() =>
        {
            Assert.That(config.Name, Is.EqualTo("same.experiment-1"));
            Assert.That(config.Seeds, Is.EqualTo(new ulong[] { 3, 1, ulong.MaxValue }));
            Assert.That(config.Datasets.Select(d => (d.Name, d.N, d.Dimension)), Is.EqualTo(new[] { ("beans1", 40, 1), ("beans5", 30, 2), ("mine", 3, 1) }));
            Assert.That(config.Datasets[1].Models, Is.EqualTo(new[] { new ModelConfig("logistic", LossKind.CrossEntropy) }));
            Assert.That(config.Datasets[0].Models, Is.Null);
            Assert.That(config.Models, Is.EqualTo(new[] { new ModelConfig("origin", LossKind.Mse), new ModelConfig("affine", LossKind.Mse) }));
            Assert.That(config.Variants.Select(v => v.Name), Is.EqualTo(new[] { "closed_form", "sgd", "minibatch", "adam", "rmsprop" }));
            Assert.That(config.Variants[1].Sweeps.Single().Value, Is.EqualTo(new[] { 0.1, 0.01 }));
            Assert.That(config.Variants[1].Shuffle, Is.True);
            Assert.That(config.Variants[2].Batches, Is.EqualTo(new int?[] { 2, null }));
            Assert.That(config.Variants[3].Sweeps.Select(s => s.Key), Is.EqualTo(new[] { "beta1", "lr" }), "config order");
            Assert.That(config.Init, Is.EquivalentTo(new Dictionary<string, double> { ["w"] = 0.5, ["b"] = -0.25, ["w2"] = 1 }));
            Assert.That(config.Stop, Is.EqualTo(new StopConfig(20, 1e-8, true, 1000)));
            Assert.That(config.Record, Is.EqualTo(RecordMode.Step));
            Assert.That(config.Regression, Is.EqualTo(new RegressionConfig(Path.Combine(folder.Root, "baselines", "nightly.csv"), 0.001, 1e-12, 2, true, AllowMissing: true)));
        });
    }

    [Test]
    public void Load_MinimalConfig_FillsEveryDefault()
    {
        using var folder = new TestFolder();
        string file = folder.Write(
            "min.yaml",
            "name: m\nseeds: [7]\ndatasets: [{recipe: beans3, n: 20}]\nmodels: [logistic]\nvariants: [sgd, minibatch, adam, closed_form, batch]\n");

        var config = Loaded(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.Models.Single(), Is.EqualTo(new ModelConfig("logistic", LossKind.Mse)), "first loss of the model");
            Assert.That(config.Variants.Select(v => v.Batches), Is.EqualTo(new IReadOnlyList<int?>[] { [], [10], [null], [], [] }));
            Assert.That(config.Variants.All(v => v.Sweeps.Count == 0 && !v.Shuffle), Is.True);
            Assert.That(config.Init, Is.EquivalentTo(new Dictionary<string, double> { ["w"] = 0.1, ["b"] = 0.0 }));
            Assert.That(config.Stop, Is.EqualTo(new StopConfig(100, 1e-6, false, 1e6)));
            Assert.That(config.Record, Is.EqualTo(RecordMode.Epoch));
            Assert.That(config.Regression, Is.Null);
        });
    }

    [Test]
    public void Load_Config_RecordsAbsolutePathAndHashOfTheBytes()
    {
        using var folder = new TestFolder();
        string file = folder.Write("hash.yaml", "name: h\nseeds: [1]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants: [batch]\n");

        var config = Loaded(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.SourcePath, Is.EqualTo(Path.GetFullPath(file)));
            Assert.That(config.SourceHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))));
        });
    }

    [Test]
    public void Load_LogisticOnTwoDimensionalBeans_IsValid()
    {
        using var folder = new TestFolder();
        string file = folder.Write("two.json", """{"name": "two", "seeds": [1], "datasets": [{"recipe": "beans5", "n": 50}], "models": ["logistic"], "variants": ["adam"]}""");

        var config = Loaded(file);

        Assert.That(config.Datasets.Single().Dimension, Is.EqualTo(2));
    }

    [Test]
    public void Load_MlpEntries_CarryHiddenAndLoss()
    {
        using var folder = new TestFolder();
        string file = folder.Write(
            "mlp.yaml",
            "name: m\nseeds: [1]\ndatasets: [{recipe: beans6, n: 20}]\nmodels: [mlp, {mlp: {hidden: 3, loss: cross_entropy}}, {mlp: {hidden: 5}}]\n"
            + "variants: [adam]\ninit: {h1.w1: 0.5, out.b: -1}\n");

        var config = Loaded(file);

        Assert.Multiple(() =>
        {
            Assert.That(config.Models, Is.EqualTo(new[]
            {
                new ModelConfig("mlp", LossKind.Mse) { Hidden = 2 },
                new ModelConfig("mlp", LossKind.CrossEntropy) { Hidden = 3 },
                new ModelConfig("mlp", LossKind.Mse) { Hidden = 5 },
            }));
            Assert.That(config.Models.Select(m => m.Key), Is.EqualTo(new[] { "mlp-h2", "mlp-h3", "mlp-h5" }));
            Assert.That(config.Init["h1.w1"], Is.EqualTo(0.5));
            Assert.That(config.Init["out.b"], Is.EqualTo(-1.0));
        });
    }

    [Test]
    public void Load_YamlAnchorsAndJsonByteOrderMark_AreAccepted()
    {
        using var folder = new TestFolder();
        string yaml = folder.Write("a.yaml", "name: a\nseeds: [1]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants:\n  - sgd: {lr: &rate 0.25}\n  - batch: {lr: *rate}\n");
        string json = Path.Combine(folder.Root, "bom.json");
        File.WriteAllText(json, """{"name": "b", "seeds": [1], "datasets": [{"recipe": "beans1", "n": 10}], "models": ["origin"], "variants": ["batch"]}""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var anchored = Loaded(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(anchored.Variants.Select(v => v.Sweeps.Single().Value.Single()), Is.EqualTo(new[] { 0.25, 0.25 }));
            Assert.That(Loaded(json).Name, Is.EqualTo("b"));
        });
    }

    [Test]
    public void Load_BaselinePrevious_IsKeptAsTheKeyword()
    {
        using var folder = new TestFolder();
        string file = folder.Write("p.yaml", "name: p\nseeds: [1]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants: [batch]\nregression: {baseline: previous}\n");

        Assert.That(Loaded(file).Regression!.Baseline, Is.EqualTo(RegressionConfig.Previous));
    }

    [Test]
    [NonParallelizable]
    public void Load_RelativePaths_ResolveAgainstTheConfigFolderNotTheCurrentDirectory()
    {
        using var folder = new TestFolder();
        folder.Write("configs/data/mine.csv", MineCsv);
        folder.Write("configs/exp.yaml", "name: r\nseeds: [1]\ndatasets: [{file: data/mine.csv}]\nmodels: [affine]\nvariants: [batch]\nregression: {baseline: base/summary.csv}\n");
        Directory.CreateDirectory(Path.Combine(folder.Root, "elsewhere"));
        string saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.Combine(folder.Root, "elsewhere");
            var config = Loaded(Path.Combine("..", "configs", "exp.yaml"));

            Assert.Multiple(() =>
            {
                Assert.That(config.Datasets.Single().File, Is.EqualTo("data/mine.csv"), "kept as written");
                Assert.That(config.Datasets.Single().FullPath, Is.EqualTo(Path.Combine(folder.Root, "configs", "data", "mine.csv")));
                Assert.That(config.Datasets.Single().N, Is.EqualTo(3));
                Assert.That(config.Regression!.Baseline, Is.EqualTo(Path.Combine(folder.Root, "configs", "base", "summary.csv")));
                Assert.That(config.SourcePath, Is.EqualTo(Path.Combine(folder.Root, "configs", "exp.yaml")));
            });
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }

    private static ExperimentConfig Loaded(string path)
    {
        var result = ConfigLoader.Load(path, ConfigLimits.Default);
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return result.Config!;
    }
}
