using DescentLab.Experiments.Config;
using DescentLab.Experiments.External;
using DescentLab.Experiments.Plugins;
using DescentLab.Output;
using DescentLab.Output.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Json;

public sealed class ManifestJsonTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Read_WhatWriteWrote_GivesAnEqualManifest(string culture)
    {
        using var scope = new CultureScope(culture);
        using var folder = new TempFolder();
        var manifest = AwkwardRuns.Manifest([("beans1-n20-s1", AwkwardRuns.Beans1()), ("beans5-n10-s3", AwkwardRuns.Beans5())]);
        string path = folder.Write("manifest.json", WriteText(manifest, folder.PathOf("manifest.json")));

        var read = ManifestJson.Read(path);

        Assert.That(Bits.Of(read), Is.EqualTo(Bits.Of(manifest)));
    }

    [Test]
    public void Write_Manifest_IsSnakeCaseIndentedWithTheConfigEmbedded()
    {
        using var scope = new CultureScope("de-DE");

        string text = WriteText(AwkwardRuns.Manifest([("beans1-n20-s1", AwkwardRuns.Beans1())]), "/srv/reports/nightly/20250102-030405/manifest.json");

        Assert.That(text, Does.StartWith("{\n  \"name\": \"nightly\",\n  \"config_path\": \"configs/nightly.yaml\",\n"));
        Assert.That(text, Does.Contain("\n  \"resolved_config\": {\n    \"name\": \"nightly\",\n    \"source_path\": \"../../../configs/nightly.yaml\",\n"));
        Assert.That(text, Does.Contain("\"batch\": [\n          10,\n          \"all\"\n        ],"));
        Assert.That(text, Does.Contain("\"name\": \"a+b <c>\""));
        Assert.That(text, Does.Contain("\"shuffle\": true,\n        \"family\": \"plain gradient descent\",\n        \"colour\": \"#009e73\"\n      },"), "a built-in variant has no plug-in or external block");
        Assert.That(text, Does.Contain("\"colour\": \"#e6550d\",\n        \"plugin\": {\n          \"path\": \"Lion/bin/Lion.dll\",\n          \"full_path\": \"../../../configs/Lion/bin/Lion.dll\",\n          \"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\n          \"version\": \"1.0.0+0123abc\",\n          \"isolation\": \"in_process\"\n        }"));
        Assert.That(text, Does.Contain("\"external\": {\n          \"command\": [\n            \"python3\",\n            \"adam \\\"q\\\".py\",\n            \"--x\"\n          ],\n          \"files\": [\n            {\n              \"path\": \"adam \\\"q\\\".py\",\n              \"sha256\": \"cd34\"\n            }\n          ]\n        }"));
        Assert.That(text, Does.Contain("\"optimum_loss\": 0.30000000000000004,"));
        Assert.That(text, Does.Contain("\"optimum_parameters\": {\n        \"w1\": \"Infinity\",\n        \"w2\": -0,\n        \"b\": \"NaN\"\n      }"));
        Assert.That(text, Does.Contain("\"started_utc\": \"2025-01-02T03:04:05.678+00:00\""));
        Assert.That(text, Does.Contain("18446744073709551615"));
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.EndWith("}\n"));
    }

    [Test]
    public void Read_MovedRunFolder_FindsConfigDatasetAndPluginFromItsNewPlace()
    {
        using var folder = new TempFolder();
        var manifest = AwkwardRuns.Manifest([]);
        var config = manifest.ResolvedConfig;
        manifest = manifest with
        {
            ResolvedConfig = config with
            {
                SourcePath = folder.PathOf("old", "configs", "nightly.yaml"),
                Datasets = [config.Datasets[0] with { FullPath = folder.PathOf("old", "configs", "a.csv") }],
                Variants = [.. config.Variants.Select(v => v.Plugin is { } p ? v with { Plugin = p with { FullPath = folder.PathOf("old", "configs", "Lion.dll") } } : v)],
            },
        };
        string text = WriteText(manifest, folder.PathOf("old", "reports", "nightly", "20250102-030405", "manifest.json"));

        var read = ManifestJson.Read(folder.Write(Path.Combine("new", "reports", "nightly", "20250102-030405", "manifest.json"), text));

        Assert.That(text, Does.Contain("\"source_path\": \"../../../configs/nightly.yaml\""));
        Assert.That(read.ResolvedConfig.SourcePath, Is.EqualTo(folder.PathOf("new", "configs", "nightly.yaml")));
        Assert.That(read.ResolvedConfig.Datasets[0].FullPath, Is.EqualTo(folder.PathOf("new", "configs", "a.csv")));
        Assert.That(read.ResolvedConfig.Variants.Single(v => v.Plugin is not null).Plugin!.FullPath, Is.EqualTo(folder.PathOf("new", "configs", "Lion.dll")));
    }

    [Test]
    public void Read_AbsolutePathsOfAnOlderManifest_StayAsTheyAre()
    {
        using var folder = new TempFolder();
        string text = System.Text.RegularExpressions.Regex.Replace(
            WriteText(AwkwardRuns.Manifest([]), folder.PathOf("manifest.json")), "\"source_path\": \"[^\"]*\"", "\"source_path\": \"/srv/old/nightly.yaml\"");

        var read = ManifestJson.Read(folder.Write("manifest.json", text));

        Assert.That(read.ResolvedConfig.SourcePath, Is.EqualTo("/srv/old/nightly.yaml"));
    }

    [Test]
    public void Read_ResolvedConfigOfTheEarlierHandWrittenFormat_ReadsItsRegressionBlock()
    {
        using var folder = new TempFolder();
        string text = WriteText(AwkwardRuns.Manifest([]), folder.PathOf("manifest.json"));
        int start = text.IndexOf("  \"resolved_config\": {", StringComparison.Ordinal);
        int end = text.IndexOf("\n  },\n", start, StringComparison.Ordinal) + 5;
        const string Earlier =
            """
              "resolved_config": {
                "name": "w",
                "source_path": "/c/w.yaml",
                "source_hash": "ab",
                "seeds": [2],
                "datasets": [{"name": "beans1", "recipe": "beans1", "file": null, "full_path": null, "n": 10, "dimension": 1,
                  "models": [{"name": "origin", "loss": "mse"}]}],
                "models": [{"name": "origin", "loss": "mse"}, {"name": "mlp", "loss": "mse", "hidden": 3}],
                "variants": [{"name": "closed_form", "parameters": {}, "batch": ["all"], "shuffle": false}],
                "init": {"b": 0, "w": 0.1},
                "stop": {"max_epochs": 100, "target_gap": 1E-06, "stop_at_target": false, "diverge_factor": 1000000},
                "record": "epoch",
                "regression": {"baseline": "baselines/w.csv", "gap_rel_tol": 1E-09, "gap_abs_tol": 1E-12, "epochs_tol": 0, "fail": true}
              },

            """;
        string path = folder.Write("manifest.json", text[..start] + Earlier.ReplaceLineEndings("\n") + text[end..]);

        var config = ManifestJson.Read(path).ResolvedConfig;

        Assert.Multiple(() =>
        {
            Assert.That(config.Regression, Is.EqualTo(new RegressionConfig("baselines/w.csv", 1e-9, 1e-12, 0, true)));
            Assert.That(config.Models[1].Hidden, Is.EqualTo(3));
            Assert.That(config.Variants[0].Batch, Is.EqualTo(new int?[] { null }));
            Assert.That((config.Variants[0].Family, config.Variants[0].Colour, config.Variants[0].Plugin, config.Variants[0].External), Is.EqualTo(((string?)null, (string?)null, (PluginOrigin?)null, (ExternalOrigin?)null)));
            Assert.That(config.Stop, Is.EqualTo(new StopConfig()));
        });
    }

    [Test]
    public void Read_BrokenJson_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("manifest.json", "{\n  \"name\": \"nightly\",\n  \"parallel\": two\n}\n");

        var error = Assert.Throws<RunFileException>(() => ManifestJson.Read(path));

        Assert.That(error.Path, Is.EqualTo(path));
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.StartWith(path + ":3: "));
    }

    [Test]
    public void Read_MissingRequiredProperty_IsAnError()
    {
        using var folder = new TempFolder();
        string path = folder.Write("manifest.json", "{\n  \"name\": \"nightly\"\n}\n");

        var error = Assert.Throws<RunFileException>(() => ManifestJson.Read(path));

        Assert.That(error.Message, Does.Contain("config_path"));
    }

    [Test]
    public void Read_MissingFile_NamesIt()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("manifest.json");

        var error = Assert.Throws<RunFileException>(() => ManifestJson.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ": file not found"));
    }

    private static string WriteText(DescentLab.Experiments.Results.RunManifest manifest, string path)
    {
        using var writer = new StringWriter();
        ManifestJson.Write(writer, manifest, path);
        return writer.ToString();
    }
}
