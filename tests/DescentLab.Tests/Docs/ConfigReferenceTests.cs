using System.Globalization;
using System.Text.Json;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Tests.Support;
using Json.Schema;
using NUnit.Framework;

namespace DescentLab.Tests.Docs;

/// <summary>docs/config.md's key reference, the validator and the JSON Schema all come from <see cref="ConfigKeys"/>:
/// the docs section is the generated one, and at every bound of every ranged key the validator and the schema (checked by
/// JsonSchema.Net, an independent implementation) accept and refuse the same values, with the message the table gives.</summary>
public sealed class ConfigReferenceTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ConfigSchema.ToText()));

    [Test]
    public void ConfigDocs_KeyReference_IsTheGeneratedOne()
    {
        string path = Path.Combine(Path.GetDirectoryName(RepoFiles.Config("x"))!, "..", "docs", "config.md");
        string shipped = File.ReadAllText(path).ReplaceLineEndings("\n");
        string generated = ConfigReference.Update(shipped);
        if (Environment.GetEnvironmentVariable(GoldenFile.UpdateVariable) == "1")
        {
            File.WriteAllText(path, generated);
            shipped = generated;
        }

        Assert.That(shipped, Is.EqualTo(generated),
            $"docs/config.md's key reference is stale: regenerate it with `{GoldenFile.UpdateVariable}=1 dotnet test tests/DescentLab.Tests/DescentLab.Tests.csproj --filter FullyQualifiedName~ConfigReferenceTests` and review the diff");
    }

    [Test]
    public void ConfigKeys_EveryMappingsKeys_AreTheValidatorsInTableOrder()
    {
        // The validator's "valid keys" message lists them; a row without a reader (or a reader without a row) breaks it.
        Assert.Multiple(() =>
        {
            Assert.That(ConfigKeys.NamesUnder(string.Empty), Is.EqualTo(new[] { "name", "seeds", "datasets", "models", "variants", "plugins", "init", "stop", "record", "regression", "report", "tune" }));
            Assert.That(ConfigKeys.NamesUnder("stop"), Is.EqualTo(new[] { "max_epochs", "target_gap", "stop_at_target", "diverge_factor", "target_loss", "target_accuracy", "max_seconds" }));
            Assert.That(ConfigKeys.All.Select(k => k.Path), Is.Unique);
        });
    }

    [TestCaseSource(nameof(Bounds))]
    public void RangedKey_AtAndBeyondItsBound_ValidatorAndSchemaAgree(string path, string value, bool accepted)
    {
        var key = ConfigKeys.At(path);
        string text = Config(key, value);
        using var folder = new TempFolder();
        string file = folder.Write("c.yaml", text);

        var errors = ConfigLoader.Load(file, ConfigLimits.Default).Errors.Select(e => e.ToString()).ToList();
        var json = ConfigJson.FromText(text, ".yaml", out var parseErrors);
        bool schemaValid = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(json)).IsValid;

        Assert.Multiple(() =>
        {
            Assert.That(parseErrors, Is.Empty);
            Assert.That(schemaValid, Is.EqualTo(accepted), "the schema");
            if (accepted)
            {
                Assert.That(errors, Is.Empty);
            }
            else
            {
                Assert.That(errors, Has.Count.EqualTo(1));
                Assert.That(errors[0], Does.EndWith($"{Shown(path)}: expected {key.Expected}, got {value}"));
            }
        });
    }

    /// <summary>Per ranged key under stop, regression or a dataset: its bounds (accepted when inclusive) and a step beyond.</summary>
    private static IEnumerable<TestCaseData> Bounds()
    {
        foreach (var key in ConfigKeys.All.Where(k => k.Kind is ConfigKeyKind.Number or ConfigKeyKind.Integer && k.Parent is "stop" or "regression" or ConfigKeys.Dataset))
        {
            foreach (var (bound, inclusive, outward) in new[] { (key.Min, key.MinInclusive, -1.0), (key.Max, key.MaxInclusive, 1.0) })
            {
                if (bound is not { } at)
                {
                    continue;
                }

                double step = key.Kind == ConfigKeyKind.Integer ? 1 : Math.Max(Math.Abs(at), 1) * 0.5;
                // At int.MaxValue a size limit (a setting) refuses first, so only the step beyond is compared there.
                if (at < int.MaxValue)
                {
                    yield return Case(key, at, inclusive);
                }

                yield return Case(key, at + (outward * step), false);
            }
        }
    }

    private static TestCaseData Case(ConfigKey key, double value, bool accepted)
    {
        string text = key.Kind == ConfigKeyKind.Integer ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        return new TestCaseData(key.Path, text, accepted).SetName($"RangedKey_{key.Path}_{text}_{(accepted ? "Accepted" : "Refused")}");
    }

    /// <summary>A small valid config with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    private static string Config(ConfigKey key, string value)
    {
        string dataset = key.Parent == ConfigKeys.Dataset
            ? (key.Name == "n" ? $"  - recipe: beans1\n    n: {value}\n" : $"  - recipe: beans3\n    n: 10\n    {key.Name}: {value}\n")
            : "  - recipe: beans3\n    n: 10\n";
        string block = key.Parent is "stop" or "regression"
            ? $"{key.Parent}: {{ {(key.Parent == "regression" ? "baseline: previous, " : string.Empty)}{key.Name}: {value} }}\n"
            : string.Empty;
        return $"name: t\nseeds: [1]\ndatasets:\n{dataset}models: [origin]\nvariants: [batch]\n{block}".Replace("models: [origin]", key.Name == "n" ? "models: [origin]" : "models: [logistic]", StringComparison.Ordinal);
    }

    private static string Shown(string path) => path.Replace("datasets[]", "datasets[0]", StringComparison.Ordinal);
}
