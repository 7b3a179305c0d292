using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>Bad configs: each row asserts the exact errors (file:line:col: key.path: message).</summary>
public sealed class ConfigLoaderErrorTests
{
    /// <summary>A valid config; rows below change or extend it. Line 4 is the dataset entry, line 8 the variant entry.</summary>
    private const string Base =
        """
        name: t
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 100
        models: [origin]
        variants:
          - sgd: { lr: 0.1 }

        """;

    private static readonly string AllKeys = "name, seeds, datasets, models, variants, plugins, init, stop, record, regression, report, tune";

    internal static IEnumerable<TestCaseData> Cases()
    {
        yield return Row("UnknownKey_Suggestion", "c.yaml", Base.Replace("- recipe:", "- recpie:"),
            "{file}:4:5: datasets[0].recpie: unknown key; did you mean 'recipe'?",
            "{file}:4:5: datasets[0]: missing required key 'recipe' or 'file'");
        yield return Row("UnknownKey_PrefixSuggestion", "c.yaml", Base + "stop: { max_ep: 10 }\n",
            "{file}:9:9: stop.max_ep: unknown key; did you mean 'max_epochs'?");
        yield return Row("UnknownKey_NoSuggestion", "c.yaml", Base + "stop: { banana: 1 }\n",
            "{file}:9:9: stop.banana: unknown key; valid keys: max_epochs, target_gap, stop_at_target, diverge_factor, target_loss, target_accuracy, max_seconds");
        yield return Row("TargetAccuracy_OutOfRange", "c.yaml", Base + "stop: { target_accuracy: 1.5 }\n",
            "{file}:9:26: stop.target_accuracy: expected a fraction of samples in (0, 1], got 1.5");
        yield return Row("TargetAccuracy_Misspelt", "c.yaml", Base + "stop: { target_acuracy: 1 }\n",
            "{file}:9:9: stop.target_acuracy: unknown key; did you mean 'target_accuracy'?");
        yield return Row("TargetLoss_Negative_OnADataset", "c.yaml", Base.Replace("    n: 100\n", "    n: 100\n    target_loss: -1\n"),
            "{file}:6:18: datasets[0].target_loss: expected a number >= 0, got -1");
        yield return Row("TargetLoss_Misspelt_OnADataset", "c.yaml", Base.Replace("    n: 100\n", "    n: 100\n    target_los: 1\n"),
            "{file}:6:5: datasets[0].target_los: unknown key; did you mean 'target_loss'?");
        yield return Row("Json_TargetAccuracy_Zero", "c.json",
            """
            {
              "name": "t",
              "seeds": [1],
              "datasets": [{"recipe": "beans5", "n": 100, "target_accuracy": 0}],
              "models": ["logistic"],
              "variants": ["batch"],
              "stop": {"target_loss": "low"}
            }
            """,
            "{file}:4:66: datasets[0].target_accuracy: expected a fraction of samples in (0, 1], got 0",
            "{file}:7:27: stop.target_loss: expected a number >= 0, got 'low'");
        yield return Row("UnknownTopLevelKey", "c.yaml", Base + "variant: []\n",
            "{file}:9:1: variant: unknown key; did you mean 'variants'?");
        yield return Row("WrongType_List", "c.yaml", Base.Replace("seeds: [1]", "seeds: one"),
            "{file}:2:8: seeds: expected a non-empty list of seeds, e.g. [1, 2, 3], got 'one'");
        yield return Row("WrongType_Boolean", "c.yaml", Base + "stop: { stop_at_target: yes }\n",
            "{file}:9:25: stop.stop_at_target: expected true or false, got 'yes'");
        yield return Row("WrongType_QuotedInteger", "c.yaml", Base.Replace("n: 100", "n: \"100\""),
            "{file}:5:8: datasets[0].n: expected an integer in [1, 2147483647], got the string \"100\"; write 100 without quotes");
        yield return Row("WrongType_QuotedNumber", "c.yaml", Base.Replace("lr: 0.1", "lr: \"0.1\""),
            "{file}:8:16: variants[0].sgd.lr: expected a number > 0 (range (0, inf)), got the string \"0.1\"; write 0.1 without quotes");
        yield return Row("WrongType_MisindentedSettings", "c.yaml", Base.Replace("  - sgd: { lr: 0.1 }", "  - sgd:\n    lr: 0.1"),
            "{file}:8:5: variants[0]: expected one variant name with its settings, e.g. 'sgd: {lr: 0.1}'; got 2 keys ('sgd', 'lr'): are the settings indented under the name?");
        yield return Row("OutOfRange_Number", "c.yaml", Base.Replace("lr: 0.1", "lr: -1"),
            "{file}:8:16: variants[0].sgd.lr: expected a number > 0 (range (0, inf)), got -1");
        yield return Row("OutOfRange_SweepItem", "c.yaml", Base.Replace("lr: 0.1", "lr: [0.1, 0]"),
            "{file}:8:22: variants[0].sgd.lr[1]: expected a number > 0 (range (0, inf)), got 0");
        yield return Row("OutOfRange_Fraction", "c.yaml", Base.Replace("- sgd: { lr: 0.1 }", "- adam: { beta1: 1.0 }"),
            "{file}:8:20: variants[0].adam.beta1: expected a number in [0, 1), got 1.0");
        yield return Row("OutOfRange_NotFinite", "c.yaml", Base.Replace("lr: 0.1", "lr: .inf"),
            "{file}:8:16: variants[0].sgd.lr: expected a number > 0 (range (0, inf)), got .inf");
        yield return Row("OutOfRange_MaxEpochs", "c.yaml", Base + "stop: { max_epochs: -5 }\n",
            "{file}:9:21: stop.max_epochs: expected an integer in [0, 2147483647], got -5");
        yield return Row("OutOfRange_DivergeFactor", "c.yaml", Base + "stop: { diverge_factor: 1 }\n",
            "{file}:9:25: stop.diverge_factor: expected a number > 1, got 1");
        yield return Row("DuplicateSweepValue", "c.yaml", Base.Replace("lr: 0.1", "lr: [0.1, 0.1]"),
            "{file}:8:22: variants[0].sgd.lr[1]: duplicate value 0.1 in the sweep");
        yield return Row("UnknownVariant", "c.yaml", Base.Replace("- sgd:", "- sdg:"),
            "{file}:8:5: variants[0]: unknown variant 'sdg' (did you mean 'sgd'?); valid variants: {variants}");
        yield return Row("UnknownRecipe_NoSuggestionOnTies", "c.yaml", Base.Replace("beans1", "beans9"),
            "{file}:4:13: datasets[0].recipe: unknown recipe 'beans9'; valid recipes: {recipes}");
        yield return Row("UnknownModel", "c.yaml", Base.Replace("[origin]", "[afine]"),
            "{file}:6:10: models[0]: unknown model 'afine' (did you mean 'affine'?); valid models: {models}");
        yield return Row("UnknownLoss", "c.yaml", Base.Replace("[origin]", "[{affine: {loss: cross_entropy}}]"),
            "{file}:6:26: models[0].affine.loss: model 'affine' has no loss 'cross_entropy'; valid losses: mse");
        yield return Row("HiddenOnModelWithoutOne", "c.yaml", Base.Replace("[origin]", "[{logistic: {hidden: 3}}]"),
            "{file}:6:22: models[0].logistic.hidden: unknown key; valid keys: loss");
        yield return Row("HiddenOutOfRange", "c.yaml", Base.Replace("[origin]", "[{mlp: {hidden: 33}}]"),
            "{file}:6:25: models[0].mlp.hidden: expected a number of hidden units, an integer in [1, 32], got 33");
        yield return Row("HiddenNotInteger", "c.yaml", Base.Replace("[origin]", "[{mlp: {hidden: 2.5, loss: cross_entropy}}]"),
            "{file}:6:25: models[0].mlp.hidden: expected a number of hidden units, an integer in [1, 32], got 2.5");
        yield return Row("HiddenMisspelt", "c.yaml", Base.Replace("[origin]", "[{mlp: {hiden: 3}}]"),
            "{file}:6:17: models[0].mlp.hiden: unknown key; did you mean 'hidden'?");
        yield return Row("MlpTwice_SameHidden", "c.yaml", Base.Replace("[origin]", "[mlp, {mlp: {hidden: 2}}]"),
            "{file}:6:15: models[1]: model 'mlp-h2' with loss mse is listed twice (also at models[0])");
        yield return Row("BadName_Space", "c.yaml", Base.Replace("name: t", "name: my run"),
            "{file}:1:7: name: expected a name of letters, digits, '.', '_' and '-' (it becomes a folder name), got 'my run'");
        yield return Row("BadName_DotDot", "c.yaml", Base.Replace("name: t", "name: .."),
            "{file}:1:7: name: expected a name of letters, digits, '.', '_' and '-' (it becomes a folder name), got '..'");
        yield return Row("DimensionMismatch_TopLevelModels", "c.yaml", Base.Replace("beans1", "beans5"),
            "{file}:4:5: datasets[0]: model 'origin' takes 1-D inputs but dataset 'beans5' is 2-D");
        yield return Row("DimensionMismatch_DatasetModels", "c.yaml", Base.Replace("beans1", "beans5").Replace("models: [origin]", "    models: [logistic, origin]"),
            "{file}:6:24: datasets[0].models[1]: model 'origin' takes 1-D inputs but dataset 'beans5' is 2-D");
        yield return Row("BatchOnSgd", "c.yaml", Base.Replace("lr: 0.1", "lr: 0.1, batch: 10"),
            "{file}:8:21: variants[0].sgd.batch: sgd fixes its batch (one sample per update); remove 'batch'");
        yield return Row("BatchLargerThanN", "c.yaml", Base.Replace("- sgd: { lr: 0.1 }", "- minibatch: { batch: 200 }"),
            "{file}:8:25: variants[0].minibatch.batch: batch 200 is larger than dataset 'beans1' (n = 100)");
        yield return Row("DefaultBatchLargerThanN", "c.yaml", Base.Replace("n: 100", "n: 5").Replace("- sgd: { lr: 0.1 }", "- minibatch"),
            "{file}:8:5: variants[0]: batch 10 (the default) is larger than dataset 'beans1' (n = 5)");
        yield return Row("BadBatch", "c.yaml", Base.Replace("- sgd: { lr: 0.1 }", "- adam: { batch: [1, half] }"),
            "{file}:8:24: variants[0].adam.batch[1]: expected a batch size: an integer in [1, 2147483647] or 'all', got 'half'");
        yield return Row("DuplicateKey", "c.yaml", Base.Replace("    n: 100\n", "    n: 100\n    n: 50\n"),
            "{file}:6:5: datasets[0].n: duplicate key (first given at line 5)");
        yield return Row("DuplicateSeed", "c.yaml", Base.Replace("seeds: [1]", "seeds: [1, 1]"),
            "{file}:2:12: seeds[1]: duplicate seed 1");
        yield return Row("MissingRequired_Name", "c.yaml", Base.Replace("name: t\n", string.Empty),
            "{file}:1:1: missing required key 'name'");
        yield return Row("MissingRequired_N", "c.yaml", Base.Replace("    n: 100\n", string.Empty),
            "{file}:4:5: datasets[0]: missing required key 'n' (the number of samples to generate)");
        yield return Row("MissingRequired_Models", "c.yaml", Base.Replace("models: [origin]\n", string.Empty),
            "{file}:1:1: missing required key 'models' (datasets[0] has no models of its own)");
        yield return Row("RecordTypo", "c.yaml", Base + "record: stpe\n",
            "{file}:9:9: record: expected 'epoch' or 'step', got 'stpe'; did you mean 'step'?");
        yield return Row("InitNameNotInModels", "c.yaml", Base + "init: { w1: 0.5 }\n",
            "{file}:9:9: init.w1: unknown key; did you mean 'w'?");
        yield return Row("RegressionWithoutBaseline", "c.yaml", Base + "regression: { fail: true }\n",
            "{file}:9:13: regression: missing required key 'baseline' (a baseline summary.csv path or 'previous')");
        yield return Row("RegressionAllowMissingNotABoolean", "c.yaml", Base + "regression: { baseline: previous, allow_missing: sometimes }\n",
            "{file}:9:50: regression.allow_missing: expected true or false, got 'sometimes'");
        yield return Row("RegressionAllowMissingTypo", "c.yaml", Base + "regression: { baseline: previous, allow_mising: true }\n",
            "{file}:9:35: regression.allow_mising: unknown key; did you mean 'allow_missing'?");
        yield return Row("RegressionMachineWithABaselineFile", "c.yaml", Base + "regression: { baseline: base.csv, machine: ci-a }\n",
            "{file}:9:44: regression.machine: a machine picks a run set from history, so it needs baseline: previous");
        yield return Row("SyntaxError_Yaml", "c.yaml", "name: t\n seeds: [1]\n",
            "{file}:2:7: syntax error: while scanning a plain scalar value, found invalid mapping");
        yield return Row("SyntaxError_YamlUnclosedFlow", "c.yaml", "name: t\nseeds: [1, 2\nmodels: []\n",
            "{file}:2:10: syntax error: the YAML after this point cannot be parsed (an unclosed '[' or '{'?)");
        yield return Row("SyntaxError_YamlSecondDocument", "c.yaml", Base + "---\nname: u\n",
            "{file}:9:1: expected one YAML document; a second one starts here");
        yield return Row("SyntaxError_YamlUnknownAlias", "c.yaml", Base.Replace("lr: 0.1", "lr: *rate"),
            "{file}:8:16: alias '*rate' refers to no anchor defined before it");
        yield return Row("SyntaxError_Json", "c.json", "{\n  \"name\": \"t\"\n  \"seeds\": [1]\n}\n",
            "{file}:3:3: syntax error: '\"' is invalid after a value. Expected either ',', '}', or ']'");
        yield return Row("SyntaxError_JsonTrailingText", "c.json", "{ \"name\": \"t\" }\nx\n",
            "{file}:2:1: syntax error: 'x' is invalid after a single JSON value. Expected end of data");
        yield return Row("Json_OutOfRange", "c.json",
            """
            {
              "name": "t",
              "seeds": [1],
              "datasets": [{"recipe": "beans1", "n": 100}],
              "models": ["origin"],
              "variants": [{"sgd": {"lr": -1}}]
            }
            """,
            "{file}:6:31: variants[0].sgd.lr: expected a number > 0 (range (0, inf)), got -1");
        yield return Row("Json_DuplicateKey", "c.json", """{ "name": "t", "name": "u" }""",
            "{file}:1:1: missing required key 'seeds'",
            "{file}:1:1: missing required key 'datasets'",
            "{file}:1:1: missing required key 'variants'",
            "{file}:1:16: name: duplicate key (first given at line 1)");
        yield return Row("EmptyFile", "c.yaml", "# nothing here\n",
            $"{{file}}:1:1: the config is empty; expected a mapping with the keys {AllKeys}");
        yield return Row("NotAMapping", "c.yaml", "- name\n",
            $"{{file}}:1:1: expected a mapping with the keys {AllKeys}, got a list");
        yield return Row("UnknownFormat", "c.txt", Base,
            "{file}:1:1: unknown config format ('.txt'); expected a .yaml, .yml or .json file");
        yield return Row("MissingFile", "absent.yaml", null,
            "{file}:1:1: file not found");
        yield return new TestCaseData(new BadConfigCase("c.yaml", Base, ["{file}:5:8: datasets[0].n: n = 100 is more than the limit of 50 samples"], new ConfigLimits(MaxSamples: 50)))
            .SetName("SizeLimit_Samples");
        yield return new TestCaseData(new BadConfigCase("c.yaml", Base, ["{file}:5:8: datasets[0].n: the config asks for 20100 gradient evaluations (max_epochs × n for the updates plus n per curve row, summed over 1 run), more than the limit of 20099"], new ConfigLimits(MaxWork: 20099)))
            .SetName("SizeLimit_Work");
        yield return new TestCaseData(new BadConfigCase("c.yaml", Base + "record: step\n", ["{file}:5:8: datasets[0].n: the config asks for 10001 curve rows over 1 run (record: step), more than the limit of 10000"], new ConfigLimits(MaxCurveRows: 10000)))
            .SetName("SizeLimit_CurveRows");
        yield return new TestCaseData(new BadConfigCase("c.yaml", Base + "stop: { max_epochs: 1e9 }\n", ["{file}:9:21: stop.max_epochs: the config asks for 200000000100 gradient evaluations (max_epochs × n for the updates plus n per curve row, summed over 1 run), more than the limit of 1000000", "{file}:9:21: stop.max_epochs: the config asks for 1000000001 curve rows over 1 run (record: epoch), more than the limit of 1000000"], new ConfigLimits(MaxWork: 1_000_000, MaxCurveRows: 1_000_000)))
            .SetName("SizeLimit_PointsAtMaxEpochs_WhichMayBeWrittenWithAnExponent");
        yield return Row("Name_TooLong", "c.yaml", Base.Replace("name: t", "name: " + new string('a', 256)),
            "{file}:1:7: name: expected at most 100 characters (it becomes a folder name), got 256");
        yield return Row("Json_LoneSurrogate", "c.json", """{ "name": "\ud800" }""",
            "{file}:1:11: a string holds an escape that is not a character (a lone UTF-16 surrogate such as \\ud800)");
        yield return Row("MaxEpochs_Fractional", "c.yaml", Base + "stop: { max_epochs: 2.5 }\n",
            "{file}:9:21: stop.max_epochs: expected an integer in [0, 2147483647], got 2.5");
        yield return new TestCaseData(new BadConfigCase(
                "c.yaml",
                Base.Replace("recipe: beans1\n    n: 100", "file: data/bad.csv"),
                ["{file}:4:11: datasets[0].file: data/bad.csv:3: column 'y': expected a number, got 'abc'"],
                OtherFiles: [("data/bad.csv", "x,y\n1,2\n3,abc\n")]))
            .SetName("DatasetFile_BadValue");
        yield return new TestCaseData(new BadConfigCase(
                "c.yaml",
                Base.Replace("recipe: beans1", "file: data/good.csv"),
                ["{file}:5:5: datasets[0].n: n is not allowed with file: n is the file's row count"],
                OtherFiles: [("data/good.csv", "x,y\n1,2\n")]))
            .SetName("DatasetFile_WithN");
        yield return Row("DatasetFile_Missing", "c.yaml", Base.Replace("recipe: beans1\n    n: 100", "file: data/none.csv"),
            "{file}:4:11: datasets[0].file: data/none.csv: file not found ({dir}/data/none.csv)");
    }

    [TestCaseSource(nameof(Cases))]
    public void Load_BadConfig_ReportsExactErrors(BadConfigCase row)
    {
        using var folder = new TestFolder();
        foreach (var (path, text) in row.OtherFiles ?? [])
        {
            folder.Write(path, text);
        }

        string file = Path.Combine(folder.Root, row.File);
        if (row.Text is not null)
        {
            folder.Write(row.File, row.Text);
        }

        var result = ConfigLoader.Load(file, row.Limits ?? ConfigLimits.Default);

        string[] expected = row.Expected.Select(e => Expand(e, file, folder.Root)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(expected));
            Assert.That(result.Config, Is.Null);
            Assert.That(result.Succeeded, Is.False);
        });
    }

    [Test]
    public void Load_ThreeMistakes_ReportsThreeErrors()
    {
        using var folder = new TestFolder();
        string text = Base.Replace("name: t", "name: my run").Replace("lr: 0.1", "lr: -1") + "stop: { max_epoch: 10 }\n";
        string file = folder.Write("three.yaml", text);

        var result = ConfigLoader.Load(file, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.KeyPath), Is.EqualTo(new[] { "name", "variants[0].sgd.lr", "stop.max_epoch" }));
    }

    [Test]
    public void Load_MissingFile_KeepsThePathAsGiven()
    {
        var result = ConfigLoader.Load("no/such/config.yaml", ConfigLimits.Default);

        Assert.That(result.Errors.Single().ToString(), Is.EqualTo("no/such/config.yaml:1:1: file not found"));
    }

    private static TestCaseData Row(string name, string file, string? text, params string[] expected) =>
        new TestCaseData(new BadConfigCase(file, text, expected)).SetName(name);

    private static string Expand(string expected, string file, string dir) => expected
        .Replace("{file}", file, StringComparison.Ordinal)
        .Replace("{dir}", dir, StringComparison.Ordinal)
        .Replace("{variants}", string.Join(", ", VariantCatalog.All.Select(v => v.Name)), StringComparison.Ordinal)
        .Replace("{recipes}", string.Join(", ", RecipeCatalog.All.Select(r => r.Name)), StringComparison.Ordinal)
        .Replace("{models}", string.Join(", ", ModelCatalog.All.Select(m => m.Name)), StringComparison.Ordinal);
}
