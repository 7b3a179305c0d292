using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Validation;
using DescentLab.Experiments.External;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>The JSON Schema (draft 2020-12) of a config, built from the validator's key lists and the catalogs.</summary>
/// <remarks>Keys come from the validators, names, defaults and ranges from the variant, model and recipe catalogs, so a new
/// variant or key shows up here without an edit. A key the validator accepts but this class has no type for is still
/// listed (with no constraint), so the schema never refuses a config the validator takes for an unknown key. What the
/// schema cannot say (a file's content, dimensions of a model against its data, size limits, duplicate keys) is left to
/// <c>descentlab validate</c>.</remarks>
public static partial class ConfigSchema
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
        var root = new Dictionary<string, Func<JsonNode>>
        {
            ["name"] = () => With(Typed(ConfigKeys.Name), new JsonObject
            {
                ["pattern"] = "^[A-Za-z0-9._-]+$",
                ["maxLength"] = ConfigKeys.MaxNameLength,
                ["not"] = new JsonObject { ["enum"] = Array(".", "..") },
            }),
            ["plugins"] = () => With(Typed(ConfigKeys.At("plugins")), new JsonObject
            {
                ["minItems"] = 1,
                ["items"] = PluginEntry(),
            }),
            ["seeds"] = () => With(Typed(ConfigKeys.At("seeds")), new JsonObject
            {
                ["minItems"] = 1,
                ["uniqueItems"] = true,
                ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = ulong.MaxValue },
            }),
            ["datasets"] = () => With(Typed(ConfigKeys.At("datasets")), new JsonObject { ["minItems"] = 1, ["items"] = Ref("dataset") }),
            ["record"] = () => Typed(ConfigKeys.At("record")),
            ["models"] = () => Ref("models"),
            ["variants"] = () => With(Typed(ConfigKeys.At("variants")), new JsonObject { ["minItems"] = 1, ["items"] = Ref("variant") }),
            ["init"] = () => With(Typed(ConfigKeys.At("init")), new JsonObject { ["additionalProperties"] = new JsonObject { ["type"] = "number" } }),
            ["stop"] = () => Section("stop"),
            ["regression"] = () => With(
                Section("regression", new Dictionary<string, Func<JsonNode>>
                {
                    ["baseline"] = () => With(Typed(ConfigKeys.At("regression.baseline")), new JsonObject { ["minLength"] = 1 }),
                }),
                // A machine picks a run set from history: only with baseline: previous.
                new JsonObject
                {
                    ["if"] = new JsonObject { ["required"] = new JsonArray("machine") },
                    ["then"] = new JsonObject { ["properties"] = new JsonObject { ["baseline"] = new JsonObject { ["const"] = RegressionConfig.Previous } } },
                }),
            ["tune"] = () => Section("tune", new Dictionary<string, Func<JsonNode>>
            {
                ["tune_seeds"] = () => With(Typed(ConfigKeys.At("tune.tune_seeds")), new JsonObject { ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = ulong.MaxValue } }),
                ["eval_seeds"] = () => With(Typed(ConfigKeys.At("tune.eval_seeds")), new JsonObject { ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = ulong.MaxValue } }),
            }),
            ["report"] = () => Section("report", new Dictionary<string, Func<JsonNode>>
            {
                ["sections"] = () => With(Typed(ConfigKeys.At("report.sections")), new JsonObject
                {
                    ["minItems"] = 1,
                    ["uniqueItems"] = true,
                    ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                }),
                ["formats"] = () => With(Typed(ConfigKeys.At("report.formats")), new JsonObject
                {
                    ["minItems"] = 1,
                    ["uniqueItems"] = true,
                    ["items"] = new JsonObject { ["enum"] = Array([.. PlotFormats.All]) },
                    ["contains"] = new JsonObject { ["const"] = PlotFormats.Png },
                    ["default"] = Array(PlotFormats.Png),
                }),
                ["notes"] = () => With(Typed(ConfigKeys.At("report.notes")), new JsonObject
                {
                    ["additionalProperties"] = new JsonObject
                    {
                        ["oneOf"] = new JsonArray(Note(), new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Note() }),
                    },
                }),
            }),
        };

        var schema = Mapping("A DescentLab experiment config (YAML or JSON).", ConfigKeys.NamesUnder(string.Empty), root, required: Required(string.Empty));
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
            ["range"] = Range(),
        };
        return ordered;
    }

    /// <summary>A mapping of the table: every key under <paramref name="parent"/> typed from its row, or by <paramref name="shapes"/>.</summary>
    private static JsonObject Section(string parent, IReadOnlyDictionary<string, Func<JsonNode>>? shapes = null)
    {
        var types = new Dictionary<string, Func<JsonNode>>();
        foreach (var key in ConfigKeys.All.Where(k => k.Parent == parent))
        {
            types[key.Name] = shapes is not null && shapes.TryGetValue(key.Name, out var shape) ? shape : () => Typed(key);
        }

        return Mapping(Plain(ConfigKeys.At(parent).Description), ConfigKeys.NamesUnder(parent), types, Required(parent));
    }

    private static string[] Required(string parent) => [.. ConfigKeys.All.Where(k => k.Parent == parent && k.Required).Select(k => k.Name)];

    /// <summary>The schema of one row: its type, range, choices and default, described by its description.</summary>
    private static JsonObject Typed(ConfigKey key)
    {
        var node = new JsonObject { ["description"] = Plain(key.Description) };
        switch (key.Kind)
        {
            case ConfigKeyKind.Integer:
            case ConfigKeyKind.Number:
                node["type"] = key.Kind == ConfigKeyKind.Integer ? "integer" : "number";
                if (key.Min is { } min)
                {
                    node[key.MinInclusive ? "minimum" : "exclusiveMinimum"] = key.Kind == ConfigKeyKind.Integer ? (long)min : min;
                }

                if (key.Max is { } max)
                {
                    node[key.MaxInclusive ? "maximum" : "exclusiveMaximum"] = key.Kind == ConfigKeyKind.Integer ? (long)max : max;
                }

                break;
            case ConfigKeyKind.Boolean:
                node["type"] = "boolean";
                break;
            case ConfigKeyKind.Text:
                node["type"] = "string";
                node["minLength"] = 1;
                break;
            case ConfigKeyKind.Choice:
                node["enum"] = Array([.. key.Choices]);
                node["default"] = key.Choices[0];
                break;
            case ConfigKeyKind.List:
                node["type"] = "array";
                break;
            default:
                node["type"] = "object";
                break;
        }

        if (key.Default is { } value)
        {
            node["default"] = value switch
            {
                bool flag => flag,
                int whole => whole,
                double number => number,
                _ => value.ToString(),
            };
        }

        return node;
    }

    /// <summary><paramref name="node"/> with the properties of <paramref name="extra"/> added.</summary>
    private static JsonObject With(JsonObject node, JsonObject extra)
    {
        foreach (var (key, value) in extra.ToArray())
        {
            extra.Remove(key);
            node[key] = value;
        }

        return node;
    }

    /// <summary>A table description for editors: no Markdown backticks, links as the docs file they point at.</summary>
    private static string Plain(string description) =>
        MarkdownLink().Replace(description, m => "docs/" + m.Groups[1].Value).Replace("`", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    private static JsonObject Dataset()
    {
        var recipes = new JsonObject
        {
            ["description"] = "A generated dataset.",
            ["anyOf"] = new JsonArray([.. RecipeCatalog.All.Select(r => (JsonNode)new JsonObject { ["const"] = r.Name, ["description"] = r.Description })]),
        };
        var types = ConfigKeys.All.Where(k => k.Parent == ConfigKeys.Dataset).ToDictionary(k => k.Name, k => (Func<JsonNode>)(() => Typed(k)));
        types["recipe"] = () => recipes;
        types["models"] = () => Ref("models");
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
                ["loss"] = () => new JsonObject { ["description"] = Plain(ConfigKeys.At($"{ConfigKeys.ModelSettings}.loss").Description), ["enum"] = Array([.. model.Losses.Select(LossNames.ToKey)]), ["default"] = LossNames.ToKey(model.Losses[0]) },
                ["hidden"] = () => With(Typed(ConfigKeys.Hidden), new JsonObject { ["default"] = model.DefaultHidden }),
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
                ["shuffle"] = () => Typed(ConfigKeys.At($"{ConfigKeys.VariantSettings}.shuffle")),
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

    /// <summary><c>external: {command: [...], timeout_seconds, start_timeout_seconds, batch, shuffle, ...}</c>; the hyper-parameters are whatever the process describes.</summary>
    private static JsonObject External()
    {
        var settings = new JsonObject
        {
            ["description"] = "An optimizer in another process, speaking the protocol of docs/plugins.md.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["command"] = With(Typed(ConfigKeys.At($"{ConfigKeys.External}.command")), new JsonObject
                {
                    ["minItems"] = 1,
                    ["items"] = new JsonObject { ["type"] = "string" },
                }),
                ["timeout_seconds"] = Typed(ConfigKeys.ExternalTimeout),
                ["start_timeout_seconds"] = Typed(ConfigKeys.ExternalStartTimeout),
                ["batch"] = Batch(null),
                ["shuffle"] = Typed(ConfigKeys.At($"{ConfigKeys.VariantSettings}.shuffle")),
            },
            ["required"] = Array(Required(ConfigKeys.External)),
            ["additionalProperties"] = new JsonObject
            {
                ["description"] = "A hyper-parameter the process describes; a list sweeps; under tune, a search range samples it.",
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "number" } }, Ref("range")),
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

    /// <summary>A report note: a text, or a mapping of text, optional dataset and model, and claims.</summary>
    private static JsonObject Note()
    {
        var text = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        var note = Mapping(
            "A note shown once, in its section, at the problem it names (every problem when it names none).",
            ReportValidator.ValidNoteKeys,
            new Dictionary<string, Func<JsonNode>>
            {
                ["text"] = () => new JsonObject { ["description"] = "The text (Markdown).", ["type"] = "string", ["minLength"] = 1 },
                ["dataset"] = () => new JsonObject { ["description"] = "Dataset name the note is about.", ["type"] = "string", ["minLength"] = 1 },
                ["model"] = () => new JsonObject { ["description"] = "Model key the note is about.", ["type"] = "string", ["minLength"] = 1 },
                ["expect"] = () => new JsonObject
                {
                    ["description"] = "Claims checked on the note's runs and shown as ✓ or ✗.",
                    ["oneOf"] = new JsonArray(Claim(), new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Claim() }),
                },
            },
            required: ["text"]);
        return new JsonObject { ["oneOf"] = new JsonArray(text, note) };
    }

    /// <summary>A claim: {variant, one measure or status}, {faster, than, by} or {better, than, by}; a final parameter
    /// (w, b, ...) is compared like a measure.</summary>
    private static JsonObject Claim()
    {
        const string ComparisonPattern = "^\\s*(<=|>=|<|>)\\s*\\S+\\s*$";
        var properties = new JsonObject
        {
            ["variant"] = new JsonObject { ["description"] = "The variant whose runs the claim is about.", ["type"] = "string" },
            ["faster"] = new JsonObject { ["description"] = "The variant claimed to reach the target sooner than 'than'.", ["type"] = "string" },
            ["better"] = new JsonObject { ["description"] = "The variant claimed to end better than 'than' by a final measure.", ["type"] = "string" },
            ["than"] = new JsonObject { ["description"] = "The variant compared with.", ["type"] = "string" },
            ["by"] = new JsonObject { ["description"] = "The measure compared.", ["enum"] = Array([.. NoteClaim.Measures]) },
            ["status"] = new JsonObject { ["description"] = "The status the runs end with.", ["type"] = "string" },
            ["seeds"] = new JsonObject { ["description"] = "Over which runs the claim must hold.", ["enum"] = Array("all", "any", "median"), ["default"] = "all" },
        };
        foreach (string measure in NoteClaim.Measures)
        {
            properties[measure] = new JsonObject { ["description"] = "A comparison such as \"< 1e-3\".", ["type"] = "string", ["pattern"] = ComparisonPattern };
        }

        return new JsonObject
        {
            ["description"] = "A claim about the note's runs (docs/report.md).",
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = new JsonObject { ["description"] = "A final parameter compared, e.g. w: \"< optimum\".", ["type"] = "string", ["pattern"] = ComparisonPattern },
            ["oneOf"] = new JsonArray(
                new JsonObject { ["required"] = Array("variant") },
                new JsonObject { ["required"] = Array("faster", "than") },
                new JsonObject { ["required"] = Array("better", "than", "by") }),
        };
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
            ["description"] = $"{parameter.Description}; range {parameter.Range}; a list sweeps it; under tune, a search range samples it.",
            ["default"] = parameter.Default,
            ["anyOf"] = new JsonArray(single, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = single.DeepClone() }, Ref("range")),
        };
    }

    /// <summary>A search range of <c>tune</c>: a one-key mapping from its kind to [low, high] or to the values of a choice.</summary>
    private static JsonObject Range()
    {
        var forms = new JsonArray();
        foreach (string key in SearchRange.Keys)
        {
            bool choice = key == "choice";
            var values = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = key == "int_uniform" ? "integer" : "number" }, ["minItems"] = choice ? 1 : 2 };
            if (!choice)
            {
                values["maxItems"] = 2;
            }

            forms.Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [key] = values },
                ["required"] = Array(key),
                ["additionalProperties"] = false,
            });
        }

        return new JsonObject
        {
            ["description"] = "A range sampled under tune (docs/tuning.md): log_uniform or uniform [low, high], int_uniform [low, high] (integers), or choice [a, b, ...].",
            ["oneOf"] = forms,
        };
    }

    private static JsonObject Batch(int? defaultBatch)
    {
        var single = new JsonObject
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = (long)ConfigKeys.Batch.Min!, ["maximum"] = (long)ConfigKeys.Batch.Max! }, new JsonObject { ["const"] = "all" }),
        };
        return new JsonObject
        {
            ["description"] = Plain(ConfigKeys.Batch.Description),
            ["default"] = defaultBatch is { } size ? size : "all",
            ["anyOf"] = new JsonArray(single, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = single.DeepClone() }),
        };
    }

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
                    ["path"] = () => With(Typed(ConfigKeys.At($"{ConfigKeys.Plugin}.path")), new JsonObject { ["minLength"] = 1 }),
                    ["isolation"] = () => Typed(ConfigKeys.At($"{ConfigKeys.Plugin}.isolation")),
                },
                required: Required(ConfigKeys.Plugin))),
    };

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
