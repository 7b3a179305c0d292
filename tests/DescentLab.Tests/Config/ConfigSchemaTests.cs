using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Host.Commands;
using DescentLab.Tests.Support;
using Json.Schema;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>The JSON Schema of configs: shipped up to date, printed by <c>descentlab schema</c>, and in agreement with the
/// validator (checked with JsonSchema.Net, an independent implementation of the standard).</summary>
public sealed class ConfigSchemaTests
{
    private const string Header = "# yaml-language-server: $schema=../schemas/descentlab.schema.json";

    /// <summary>Bad configs whose mistake no JSON Schema can see, with why: the schema must accept them, the validator refuses them.</summary>
    private static readonly Dictionary<string, string> ValidatorOnly = new(StringComparer.Ordinal)
    {
        ["DimensionMismatch_TopLevelModels"] = "a model's input dimension against its dataset's",
        ["DimensionMismatch_DatasetModels"] = "a model's input dimension against its dataset's",
        ["BatchLargerThanN"] = "a batch against the dataset's n",
        ["DefaultBatchLargerThanN"] = "a default batch against the dataset's n",
        ["DuplicateKey"] = "a repeated key (JSON keeps one)",
        ["MissingRequired_Models"] = "models are required only when a dataset has none of its own",
        ["InitNameNotInModels"] = "init names depend on the models in use",
        ["MlpTwice_SameHidden"] = "a bare mlp equals mlp with its default hidden units",
        ["DatasetFile_BadValue"] = "a dataset file's content",
        ["DatasetFile_Missing"] = "a dataset file's existence",
    };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ConfigSchema.ToText()));

    [Test]
    public void ShippedSchema_IsTheGeneratedOne()
    {
        string shipped = Path.Combine(RepoRoot(), "schemas", ConfigSchema.FileName);
        string generated = ConfigSchema.ToText();
        if (Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable) == "1")
        {
            File.WriteAllText(shipped, generated);
        }

        Assert.That(File.ReadAllText(shipped), Is.EqualTo(generated),
            $"schemas/{ConfigSchema.FileName} is stale: regenerate it with `descentlab schema > schemas/{ConfigSchema.FileName}` or {GoldenFile.UpdateVariable}=1 and review the diff");
    }

    [Test]
    public async Task SchemaCommand_PrintsTheSchema()
    {
        var output = new StringWriter();

        int exitCode = await DescentLabCommandLine.InvokeAsync(["schema"], output, TextWriter.Null);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output.ToString(), Is.EqualTo(ConfigSchema.ToText()));
        });
    }

    [Test]
    public void Schema_ListsEveryCatalogEntryWithItsDefaults()
    {
        var schema = ConfigSchema.Build();
        var variants = schema["$defs"]!["variant"]!["anyOf"]!.AsArray();
        var adam = variants.Single(v => (string?)v!["anyOf"]![0]!["const"] == "adam")!;
        var beta2 = adam["anyOf"]![1]!["properties"]!["adam"]!["anyOf"]![1]!["properties"]!["beta2"]!;

        Assert.Multiple(() =>
        {
            Assert.That(variants.Select(v => (string?)v!["anyOf"]![0]!["const"]), Is.EqualTo(VariantCatalog.All.Select(v => v.Name).Append("external")));
            Assert.That((double)beta2["default"]!, Is.EqualTo(0.999));
            Assert.That((double)beta2["anyOf"]![0]!["minimum"]!, Is.Zero);
            Assert.That((double)beta2["anyOf"]![0]!["exclusiveMaximum"]!, Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(ShippedConfigs))]
    public void ShippedConfig_IsValidAgainstTheSchema(string path)
    {
        string text = File.ReadAllText(path);
        var results = Evaluate(text, Path.GetExtension(path));

        Assert.Multiple(() =>
        {
            Assert.That(ConfigLoader.Load(path, ConfigLimits.Default).Errors, Is.Empty);
            Assert.That(results.IsValid, Is.True, Describe(results));
            if (Path.GetExtension(path) is ".yaml" or ".yml")
            {
                Assert.That(text.Split('\n')[0], Is.EqualTo(Header), "a shipped YAML config points editors at the schema on its first line");
            }
        });
    }

    [TestCaseSource(typeof(ConfigLoaderErrorTests), nameof(ConfigLoaderErrorTests.Cases))]
    public void BadConfig_SchemaAgreesWithTheValidator(BadConfigCase row)
    {
        string name = TestContext.CurrentContext.Test.Name;
        string extension = Path.GetExtension(row.File);
        var json = row.Text is null ? null : ConfigJson.FromText(row.Text, extension, out var parseErrors) is var node && parseErrors.Count == 0 ? new Parsed(node) : null;
        if (json is null)
        {
            Assert.That(ValidatorOnly.ContainsKey(name), Is.False, "a row the schema never sees needs no exemption");
            Assert.Pass("not parsed (missing file, unknown format or a syntax error): the loader's error comes before any schema");
        }

        var results = Evaluate(json.Node);
        string? why = name.StartsWith("SizeLimit_", StringComparison.Ordinal) ? "size limits are settings" : ValidatorOnly.GetValueOrDefault(name);
        if (why is not null)
        {
            Assert.That(results.IsValid, Is.True, $"the schema now catches what it was exempted for ({why}): drop the exemption");
        }
        else
        {
            Assert.That(results.IsValid, Is.False, "the validator refuses this config, so the schema must too");
        }
    }

    [TestCaseSource(nameof(EveryVariantWithEverySetting))]
    public void GoodConfig_EveryVariantAtItsDefaults_BothAccept(string text)
    {
        using var folder = new TempFolder();
        string path = folder.Write("c.yaml", text);

        var loaded = ConfigLoader.Load(path, ConfigLimits.Default);
        var results = Evaluate(text, ".yaml");

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Errors, Is.Empty);
            Assert.That(results.IsValid, Is.True, Describe(results));
        });
    }

    private static IEnumerable<string> ShippedConfigs() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), "configs"))
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal);

    /// <summary>Per variant, a config giving every setting it takes: each hyper-parameter at its default, swept with twice it where the range allows.</summary>
    private static IEnumerable<TestCaseData> EveryVariantWithEverySetting()
    {
        foreach (var variant in VariantCatalog.All)
        {
            var settings = variant.Parameters.Select(p => p.Accepts(p.Default * 2) && p.Default * 2 != p.Default
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Name}: [{p.Default:R}, {p.Default * 2:R}]")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Name}: {p.Default:R}")).ToList();
            if (variant.BatchMode == BatchMode.Configurable)
            {
                settings.Add("batch: [5, all]");
            }

            settings.Add("shuffle: true");
            string entry = variant.Name == "closed_form" ? "closed_form" : $"{variant.Name}: {{ {string.Join(", ", settings)} }}";
            yield return new TestCaseData(
                $"name: t\nseeds: [1, 2]\ndatasets:\n  - recipe: beans1\n    n: 20\nmodels: [origin, {{ affine: {{ loss: mse }} }}]\nvariants:\n  - {entry}\n"
                + "init: { w: 0.5 }\nstop: { max_epochs: 3, target_gap: 1.0e-6, stop_at_target: true, diverge_factor: 1.0e6 }\nrecord: step\n"
                + "regression: { baseline: previous, gap_rel_tol: 0, gap_abs_tol: 1.0e-12, epochs_tol: 1, fail: false }\n")
                .SetName($"GoodConfig_{variant.Name}");
        }
    }

    private static EvaluationResults Evaluate(string text, string extension)
    {
        var node = ConfigJson.FromText(text, extension, out var errors);
        Assert.That(errors, Is.Empty);
        return Evaluate(node);
    }

    private static EvaluationResults Evaluate(JsonNode? node) =>
        Schema.Value.Evaluate(JsonSerializer.SerializeToElement(node), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above the test folder");
    }

    private sealed record Parsed(JsonNode? Node);
}
