using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Validation;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>The JSON Schema (draft 2020-12) of a config, built from the validator's key lists and the catalogs.</summary>
/// <remarks>Keys come from the validators, names, defaults and ranges from the variant, model and recipe catalogs, so a new
/// variant or key shows up here without an edit. A key the validator accepts but this class has no type for is still
/// listed (with no constraint), so the schema never refuses a config the validator takes for an unknown key. What the
/// schema cannot say (a file's content, dimensions of a model against its data, size limits, duplicate keys) is left to
/// <c>descentlab validate</c>.</remarks>
public static class ConfigSchema
{
    /// <summary>The file name the schema is shipped under (in <c>schemas/</c>).</summary>
    public const string FileName = "descentlab.schema.json";

    private const string Untyped = "accepted by descentlab validate; see docs/config.md";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema as indented JSON text ending in a newline, exactly as shipped.</summary>
    public static string ToText() => Build().ToJsonString(Indented) + "\n";

    /// <summary>The schema.</summary>
    public static JsonObject Build()
    {
        var stop = new StopConfig();
        var regression = new RegressionConfig(string.Empty);
        var root = new Dictionary<string, Func<JsonNode>>
        {
            ["name"] = () => new JsonObject
            {
                ["description"] = "Output folder name: letters, digits, '.', '_' and '-'.",
                ["type"] = "string",
                ["pattern"] = "^[A-Za-z0-9._-]+$",
                ["maxLength"] = Validation.ConfigValidator.MaxNameLength,
                ["not"] = new JsonObject { ["enum"] = Array(".", "..") },
            },
            ["plugins"] = () => new JsonObject
            {
                ["description"] = ".NET plug-in assemblies, relative to the config file (docs/plugins.md).",
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = PluginEntry(),
            },
            ["seeds"] = () => new JsonObject
            {
                ["description"] = "Seeds; every run is repeated once per seed.",
                ["type"] = "array",
                ["minItems"] = 1,
                ["uniqueItems"] = true,
                ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = ulong.MaxValue },
            },
            ["datasets"] = () => new JsonObject
            {
                ["description"] = "Generated (recipe and n) or read from a CSV file (header x,y or x1,x2,y; relative to the config).",
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = Ref("dataset"),
            },
            ["models"] = () => Ref("models"),
            ["variants"] = () => new JsonObject
            {
                ["description"] = "Descent variants: a name, or a name with settings; a list of values sweeps a hyper-parameter.",
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = Ref("variant"),
            },
            ["init"] = () => new JsonObject
            {
                ["description"] = "Starting parameter values by name (w, b, w1, w2, h1.w, out.b, ...): w = 0.1 and b = 0.0 unless given; w1 and w2 fall back to w. Names must belong to the models in use.",
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "number" },
            },
            ["stop"] = () => Mapping(
                "Stopping rules.",
                StopValidator.ValidKeys,
                new Dictionary<string, Func<JsonNode>>
                {
                    ["max_epochs"] = () => Integer("Epochs to run at most.", 0, int.MaxValue, stop.MaxEpochs),
                    ["target_gap"] = () => Number("Loss gap to the optimum that counts as converged (exact and best_known problems).", 0, true, stop.TargetGap),
                    ["stop_at_target"] = () => Boolean("Stop a run as soon as it reaches the targets that decide convergence.", stop.StopAtTarget),
                    ["target_loss"] = TargetLoss,
                    ["target_accuracy"] = TargetAccuracy,
                    ["diverge_factor"] = () => Number("A run diverges when its loss exceeds this factor times the initial loss.", 1, false, stop.DivergeFactor),
                    ["max_seconds"] = () => new JsonObject
                    {
                        ["description"] = "Per-run wall-clock limit; a run still going after it is failed.",
                        ["type"] = "number",
                        ["exclusiveMinimum"] = 0,
                    },
                }),
            ["record"] = () => new JsonObject
            {
                ["description"] = "Curve rows per epoch or per update.",
                ["enum"] = Array([.. ConfigValidator.ValidRecordModes]),
                ["default"] = ConfigValidator.ValidRecordModes[0],
            },
            ["regression"] = () => Mapping(
                "Regression check against a baseline.",
                RegressionValidator.ValidKeys,
                new Dictionary<string, Func<JsonNode>>
                {
                    ["baseline"] = () => new JsonObject
                    {
                        ["description"] = $"A baseline summary.csv (relative to the config) or '{RegressionConfig.Previous}' for the last complete run set in history.db.",
                        ["type"] = "string",
                        ["minLength"] = 1,
                    },
                    ["gap_rel_tol"] = () => Number("Relative tolerance on final_gap.", 0, true, regression.GapRelTol),
                    ["gap_abs_tol"] = () => Number("Absolute tolerance on final_gap.", 0, true, regression.GapAbsTol),
                    ["epochs_tol"] = () => Integer("Extra epochs to target that still pass.", 0, int.MaxValue, regression.EpochsTol),
                    ["fail"] = () => Boolean("Exit with code 3 on a regression, and 2 when the baseline file is missing.", regression.Fail),
                    ["allow_missing"] = () => Boolean("Runs of the baseline missing from the run set are listed but are not regressions.", regression.AllowMissing),
                },
                required: ["baseline"]),
            ["report"] = () => Mapping(
                "What report.md shows: a title, an opening text, the sections chosen, a text per section (docs/lessons.md) and the x axis of the convergence plots (docs/report.md).",
                ReportValidator.ValidKeys,
                new Dictionary<string, Func<JsonNode>>
                {
                    ["title"] = () => new JsonObject { ["description"] = "Heading of report.md.", ["type"] = "string", ["minLength"] = 1 },
                    ["description"] = () => new JsonObject { ["description"] = "A paragraph under the heading (Markdown).", ["type"] = "string", ["minLength"] = 1 },
                    ["sections"] = () => new JsonObject
                    {
                        ["description"] = "Sections to show: summary, leaderboards, regression, notes, environment and plot kinds (convergence, fit, cost, surface, animation, probability, ...); all when absent.",
                        ["type"] = "array",
                        ["minItems"] = 1,
                        ["uniqueItems"] = true,
                        ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    },
                    ["notes"] = () => new JsonObject
                    {
                        ["description"] = "A text (Markdown) per section name, shown at the top of that section or above each of its plots.",
                        ["type"] = "object",
                        ["additionalProperties"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    },
                    ["x"] = () => new JsonObject
                    {
                        ["description"] = "x axis of the convergence plots: epochs, per-sample gradient evaluations, or wall time (each run's measured wall_ms spread evenly over its gradient evaluations; docs/report.md).",
                        ["enum"] = Array([.. ReportValidator.ValidAxes]),
                        ["default"] = ReportValidator.ValidAxes[0],
                    },
                }),
        };

        var schema = Mapping("A DescentLab experiment config (YAML or JSON).", ConfigValidator.ValidKeys, root, required: ["name", "seeds", "datasets", "variants"]);
        var ordered = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "DescentLab config",
        };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            ordered[key] = value;
        }

        ordered["$defs"] = new JsonObject
        {
            ["dataset"] = Dataset(),
            ["models"] = Models(),
            ["variant"] = Variant(),
        };
        return ordered;
    }

    private static JsonObject Dataset()
    {
        var recipes = new JsonObject
        {
            ["description"] = "A generated dataset.",
            ["anyOf"] = new JsonArray([.. RecipeCatalog.All.Select(r => (JsonNode)new JsonObject { ["const"] = r.Name, ["description"] = r.Description })]),
        };
        var types = new Dictionary<string, Func<JsonNode>>
        {
            ["recipe"] = () => recipes,
            ["n"] = () => Integer("Samples to generate (also bounded by the DescentLab:MaxSamples setting).", 1, int.MaxValue, null),
            ["file"] = () => new JsonObject { ["description"] = "A CSV file with header x,y or x1,x2,y, relative to the config.", ["type"] = "string", ["minLength"] = 1 },
            ["models"] = () => Ref("models"),
            ["target_loss"] = TargetLoss,
            ["target_accuracy"] = TargetAccuracy,
        };
        string[] keys = [.. DatasetsValidator.ValidKeys];
        return new JsonObject
        {
            ["description"] = "{recipe: beans1, n: 100} or {file: data/beans.csv}, each with optional models of its own.",
            ["oneOf"] = new JsonArray(
                Mapping("A generated dataset.", [.. keys.Where(k => k != "file")], types, required: ["recipe", "n"]),
                Mapping("A dataset read from a CSV file.", [.. keys.Where(k => k is not "recipe" and not "n")], types, required: ["file"])),
        };
    }

    private static JsonObject Models()
    {
        var entries = new JsonArray();
        foreach (var model in ModelCatalog.All)
        {
            var types = new Dictionary<string, Func<JsonNode>>
            {
                ["loss"] = () => new JsonObject { ["description"] = "The loss to minimise.", ["enum"] = Array([.. model.Losses.Select(LossNames.ToKey)]), ["default"] = LossNames.ToKey(model.Losses[0]) },
                ["hidden"] = () => Integer("Hidden sigmoid units.", 1, Mlp.MaxHidden, model.DefaultHidden),
            };
            entries.Add(Named(model.Name, model.Description, Mapping($"Settings of {model.Name}.", ModelsValidator.ValidKeys(model), types)));
        }

        return new JsonObject
        {
            ["description"] = "Models to fit: a name, or a name with settings such as {logistic: {loss: cross_entropy}}.",
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = new JsonObject { ["anyOf"] = entries },
        };
    }

    private static JsonObject Variant()
    {
        var entries = new JsonArray();
        foreach (var variant in VariantCatalog.All)
        {
            var types = new Dictionary<string, Func<JsonNode>>
            {
                ["shuffle"] = () => Boolean("Shuffle the samples every epoch (seeded).", false),
            };
            foreach (var parameter in variant.Parameters)
            {
                types[parameter.Name] = () => Sweep(parameter);
            }

            // A fixed batch is refused by the validator, so the key is left out rather than typed.
            string[] keys = [.. VariantsValidator.ValidKeys(variant).Where(k => k != "batch" || variant.BatchMode == BatchMode.Configurable)];
            types["batch"] = () => Batch(variant.DefaultBatch);
            entries.Add(Named(variant.Name, variant.Description, Mapping($"Settings of {variant.Name}.", keys, types)));
        }

        entries.Add(External());
        return new JsonObject { ["anyOf"] = entries };
    }

    /// <summary><c>external: {command: [...], timeout_seconds, batch, shuffle, ...}</c>; the hyper-parameters are whatever the process describes.</summary>
    private static JsonObject External()
    {
        var settings = new JsonObject
        {
            ["description"] = "An optimizer in another process, speaking the protocol of docs/plugins.md.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["command"] = new JsonObject
                {
                    ["description"] = "Program and arguments; run in the config file's folder.",
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
                ["timeout_seconds"] = Number("Longest wait for any one answer.", 0, false, 10),
                ["batch"] = Batch(null),
                ["shuffle"] = Boolean("Shuffle the samples every epoch (seeded).", false),
            },
            ["required"] = Array("command"),
            ["additionalProperties"] = new JsonObject
            {
                ["description"] = "A hyper-parameter the process describes; a list sweeps.",
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "number" } }),
            },
        };
        return Named("external", "An optimizer in another process (docs/plugins.md); its settings need 'command'.", settings);
    }


    /// <summary>A catalog entry written as its bare name or as a one-key mapping from the name to its settings (or null).</summary>
    private static JsonObject Named(string name, string description, JsonObject settings) => new()
    {
        ["description"] = description,
        ["anyOf"] = new JsonArray(
            new JsonObject { ["const"] = name, ["description"] = description },
            new JsonObject
            {
                ["type"] = "object",
                ["description"] = description,
                ["properties"] = new JsonObject { [name] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, settings) } },
                ["required"] = Array(name),
                ["additionalProperties"] = false,
            }),
    };

    private static JsonObject Mapping(string description, IReadOnlyList<string> keys, IReadOnlyDictionary<string, Func<JsonNode>> types, string[]? required = null)
    {
        var properties = new JsonObject();
        foreach (string key in keys)
        {
            properties[key] = types.TryGetValue(key, out var type) ? type() : new JsonObject { ["description"] = Untyped };
        }

        var mapping = new JsonObject { ["description"] = description, ["type"] = "object", ["properties"] = properties };
        if (required is { Length: > 0 })
        {
            mapping["required"] = Array(required);
        }

        mapping["additionalProperties"] = false;
        return mapping;
    }

    /// <summary>One value in the parameter's range, or a non-empty list of distinct ones (a sweep).</summary>
    private static JsonObject Sweep(HyperParameter parameter)
    {
        var single = new JsonObject { ["type"] = "number" };
        single[parameter.MinInclusive ? "minimum" : "exclusiveMinimum"] = parameter.Min;
        if (double.IsFinite(parameter.Max))
        {
            single[parameter.MaxInclusive ? "maximum" : "exclusiveMaximum"] = parameter.Max;
        }

        return new JsonObject
        {
            ["description"] = $"{parameter.Description}; range {parameter.Range}; a list sweeps it.",
            ["default"] = parameter.Default,
            ["anyOf"] = new JsonArray(single, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = single.DeepClone() }),
        };
    }

    private static JsonObject Batch(int? defaultBatch)
    {
        var single = new JsonObject
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = int.MaxValue }, new JsonObject { ["const"] = "all" }),
        };
        return new JsonObject
        {
            ["description"] = "Samples per update: an integer >= 1 (at most the dataset's n) or 'all'; a list sweeps it.",
            ["default"] = defaultBatch is { } size ? size : "all",
            ["anyOf"] = new JsonArray(single, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = single.DeepClone() }),
        };
    }

    private static JsonObject TargetLoss() => new()
    {
        ["description"] = "Loss at or below which a run has converged (every problem; a dataset's value overrides stop's).",
        ["type"] = "number",
        ["minimum"] = 0,
    };

    private static JsonObject TargetAccuracy() => new()
    {
        ["description"] = "Accuracy (predictions thresholded at 0.5) at or above which a run has converged (classification problems; a dataset's value overrides stop's).",
        ["type"] = "number",
        ["exclusiveMinimum"] = 0,
        ["maximum"] = 1,
    };

    private static JsonObject Number(string description, double min, bool minInclusive, double defaultValue)
    {
        var number = new JsonObject { ["description"] = description, ["type"] = "number", ["default"] = defaultValue };
        number[minInclusive ? "minimum" : "exclusiveMinimum"] = min;
        return number;
    }

    private static JsonObject Integer(string description, long min, long max, long? defaultValue)
    {
        var integer = new JsonObject { ["description"] = description, ["type"] = "integer", ["minimum"] = min, ["maximum"] = max };
        if (defaultValue is { } value)
        {
            integer["default"] = value;
        }

        return integer;
    }

    private static JsonObject Boolean(string description, bool defaultValue) =>
        new() { ["description"] = description, ["type"] = "boolean", ["default"] = defaultValue };

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    /// <summary>A plug-in path (run in process), or a path with its isolation.</summary>
    private static JsonObject PluginEntry() => new()
    {
        ["oneOf"] = new JsonArray(
            new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            Mapping(
                "A plug-in and where its variants run.",
                PluginsValidator.EntryKeys,
                new Dictionary<string, Func<JsonNode>>
                {
                    ["path"] = () => new JsonObject { ["description"] = "The plug-in .dll, relative to the config file.", ["type"] = "string", ["minLength"] = 1 },
                    ["isolation"] = () => new JsonObject
                    {
                        ["description"] = "in_process, or process: each run in a plug-in host process that stop.max_seconds can kill.",
                        ["enum"] = Array([.. PluginIsolation.All]),
                        ["default"] = PluginIsolation.InProcess,
                    },
                },
                required: ["path"])),
    };

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
