using System.Text.RegularExpressions;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Walks the node tree of a config (either format) and builds the resolved <see cref="ExperimentConfig"/>, or reports every error.</summary>
internal sealed partial class ConfigValidator(ValidationContext context, string configDirectory, ConfigLimits limits, IReadOnlyList<string>? reportSections)
{
    private static readonly IReadOnlyList<string> RootKeys = ConfigKeys.NamesUnder(string.Empty);

    private static readonly IReadOnlyList<string> RecordModes = ConfigKeys.At("record").Choices;

    /// <summary>The resolved config, or null when any error was reported.</summary>
    public ExperimentConfig? Validate(ConfigNode? root, string sourcePath, string sourceHash)
    {
        if (root is null)
        {
            context.FileError($"the config is empty; expected a mapping with the keys {string.Join(", ", RootKeys)}");
            return null;
        }

        if (context.Mapping(root, string.Empty, $"a mapping with the keys {string.Join(", ", RootKeys)}") is not { } mapping)
        {
            return null;
        }

        var keys = context.Keys(mapping, string.Empty, RootKeys);
        string? name = ReadName(context.Required(keys, "name", mapping, string.Empty));
        var seeds = ReadSeeds(context.Required(keys, "seeds", mapping, string.Empty));

        // Init names are checked against the models in use, which are only all known when models and datasets read cleanly.
        int errorsBeforeModels = context.Errors.Count;
        var topModels = keys.TryGetValue("models", out var models) ? ModelsValidator.Read(context, models.Value, "models") : null;
        var datasetsNode = context.Required(keys, "datasets", mapping, string.Empty);
        var datasets = datasetsNode is null ? [] : new DatasetsValidator(context, configDirectory, limits).Read(datasetsNode);
        if (topModels is null && datasets.FirstOrDefault(d => d.Models is null) is { } bare)
        {
            context.Error(mapping, string.Empty, $"missing required key 'models' ({bare.Path} has no models of its own)");
        }

        var problems = ProblemMatcher.Match(context, datasets, topModels ?? []);
        var parameterNames = context.Errors.Count == errorsBeforeModels ? ProblemMatcher.ParameterNames(problems) : null;
        var init = InitValidator.Read(context, Value(keys, "init"), parameterNames);
        var variantsNode = context.Required(keys, "variants", mapping, string.Empty);
        var plugins = PluginsValidator.Read(context, Value(keys, "plugins"), configDirectory);
        var tune = TuneValidator.Read(context, Value(keys, "tune"), seeds);
        var variants = variantsNode is null ? [] : VariantsValidator.Read(context, variantsNode, [.. VariantCatalog.All, .. plugins.SelectMany(p => p.Variants)], configDirectory, keys.ContainsKey("tune"));
        var stop = StopValidator.Read(context, Value(keys, "stop"));
        var record = ReadRecord(Value(keys, "record"));
        var regression = RegressionValidator.Read(context, Value(keys, "regression"), configDirectory);
        var noteNames = new NoteNames(
            [.. variants.Select(v => v.Config.Name).Distinct(StringComparer.Ordinal)],
            [.. datasets.Select(d => d.Config.Name).Distinct(StringComparer.Ordinal)],
            [.. problems.Select(p => p.Model.Config.Key).Distinct(StringComparer.Ordinal)],
            ProblemMatcher.ParameterNames(problems));
        var report = ReportValidator.Read(context, Value(keys, "report"), reportSections, noteNames);
        BatchSizeCheck.Check(context, variants, problems);
        // Under tune every variant setting runs its trials on the tuning seeds, then once more on the evaluation seeds.
        int runsPerSetting = tune is null ? seeds.Count : (tune.Trials * tune.TuneSeeds.Count) + tune.EvalSeeds.Count;
        WorkloadCheck.Check(context, problems, variants, runsPerSetting, stop, record, limits, Value(keys, "stop"), mapping);

        if (context.Errors.Count > 0 || name is null)
        {
            return null;
        }

        return new ExperimentConfig
        {
            Name = name,
            SourcePath = sourcePath,
            SourceHash = sourceHash,
            Seeds = seeds,
            Datasets = datasets.Select(d => d.Config).ToArray(),
            Models = (topModels ?? []).Select(m => m.Config).ToArray(),
            Variants = UndeclaredColours.Assign([.. variants.Select(v => v.Config)]),
            Plugins = plugins,
            Init = init,
            Stop = stop,
            Record = record,
            Regression = regression,
            Report = report,
            Tune = tune,
        };
    }

    private static ConfigNode? Value(IReadOnlyDictionary<string, MappingEntry> keys, string key) => keys.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The name becomes a folder name: [A-Za-z0-9._-] only, and not <c>.</c> or <c>..</c>.</summary>
    private string? ReadName(ConfigNode? node)
    {
        const string Expected = "a name of letters, digits, '.', '_' and '-' (it becomes a folder name)";
        if (node is null || context.Text(node, "name", Expected) is not { } name)
        {
            return null;
        }

        if (!NameText().IsMatch(name) || name is "." or "..")
        {
            context.Error(node, "name", $"expected {Expected}, got '{Inputs.TextExcerpt.Of(name)}'");
            return null;
        }

        if (name.Length > ConfigKeys.MaxNameLength)
        {
            context.Error(node, "name", $"expected at most {ConfigKeys.MaxNameLength} characters (it becomes a folder name), got {name.Length}");
            return null;
        }

        return name;
    }

    /// <summary>A non-empty list of distinct non-negative integers.</summary>
    private IReadOnlyList<ulong> ReadSeeds(ConfigNode? node)
    {
        const string Expected = "a non-negative integer seed";
        var seeds = new List<ulong>();
        if (node is null || context.NonEmptyList(node, "seeds", "a non-empty list of seeds, e.g. [1, 2, 3]") is not { } list)
        {
            return seeds;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string path = KeyPath.Item("seeds", i);
            if (context.Unsigned(list.Items[i], path, Expected) is not { } seed)
            {
                continue;
            }

            if (seeds.Contains(seed))
            {
                context.Error(list.Items[i], path, $"duplicate seed {seed}");
                continue;
            }

            seeds.Add(seed);
        }

        return seeds;
    }

    private RecordMode ReadRecord(ConfigNode? node)
    {
        if (node is null || context.Text(node, "record", "'epoch' or 'step'") is not { } text)
        {
            return RecordMode.Epoch;
        }

        switch (text)
        {
            case "epoch":
                return RecordMode.Epoch;
            case "step":
                return RecordMode.Step;
            default:
                string? hint = Suggestions.Closest(text, RecordModes);
                context.Error(node, "record", $"expected 'epoch' or 'step', got '{text}'{(hint is null ? string.Empty : $"; did you mean '{hint}'?")}");
                return RecordMode.Epoch;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NameText();

    /// <summary>The top-level keys, in documentation order (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => RootKeys;

    /// <summary>The values of <c>record</c> (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidRecordModes => RecordModes;
}
