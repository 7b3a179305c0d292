using System.Globalization;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>variants</c> list: <c>sgd</c> or <c>sgd: {lr: [0.1, 0.01], batch: 10, shuffle: true}</c>.</summary>
/// <remarks>Valid keys and ranges come from each variant's <see cref="IVariant.Parameters"/>; a list of values sweeps.</remarks>
internal static class VariantsValidator
{
    private const string ListKey = "variants";
    private const string Example = "'sgd: {lr: 0.1}'";
    private static readonly string BatchExpected = $"{ConfigKeys.Batch.Expected} or 'all'";

    /// <summary>The valid entries of the list at <paramref name="node"/>; every mistake is reported.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The list.</param>
    /// <param name="known">Built-in and plug-in variants the entries may name.</param>
    /// <param name="configDirectory">Where external commands run.</param>
    /// <param name="tuning">The config has a <c>tune</c> block: ranges are sampled, sweeps and batch lists are refused.</param>
    public static IReadOnlyList<ParsedVariant> Read(ValidationContext context, ConfigNode node, IReadOnlyList<IVariant> known, string configDirectory, bool tuning = false)
    {
        var externals = new ExternalEntry(context, configDirectory, known);
        var list = context.NonEmptyList(node, ListKey, "a non-empty list of variants, e.g. [closed_form, {sgd: {lr: 0.1}}]");
        var variants = new List<ParsedVariant>();
        for (int i = 0; list is not null && i < list.Items.Count; i++)
        {
            if (ReadEntry(context, list.Items[i], KeyPath.Item(ListKey, i), known, externals, tuning) is { } variant)
            {
                variants.Add(variant);
            }
        }

        return variants;
    }

    private static ParsedVariant? ReadEntry(ValidationContext context, ConfigNode node, string path, IReadOnlyList<IVariant> known, ExternalEntry externals, bool tuning)
    {
        if (NamedEntry.Read(context, node, path, "variant", Example) is not { } entry)
        {
            return null;
        }

        IVariant variant;
        IReadOnlyList<string> ownKeys = [];
        if (entry.Name == ExternalEntry.Key)
        {
            if (externals.Read(entry, path) is not { } external)
            {
                return null;
            }

            variant = external;
            ownKeys = ExternalEntry.OwnKeys;
        }
        else if (known.FirstOrDefault(v => v.Name == entry.Name) is { } named)
        {
            variant = named;
        }
        else
        {
            context.Error(entry.NameNode, path, Suggestions.UnknownName("variant", entry.Name, known.Select(v => v.Name).ToArray()));
            return null;
        }

        var sweeps = new List<KeyValuePair<string, IReadOnlyList<double>>>();
        var ranges = new List<SearchDimension>();
        IReadOnlyList<BatchSource> batches = variant.BatchMode == BatchMode.Configurable ? [new BatchSource(variant.DefaultBatch, node, path, IsDefault: true)] : [];
        bool shuffle = false;
        string settingsPath = KeyPath.Child(path, entry.Name);
        if (entry.Settings is not null && context.Mapping(entry.Settings, settingsPath, $"variant settings such as {Example}") is { } settings)
        {
            var keys = context.Keys(settings, settingsPath, [.. ValidKeys(variant), .. ownKeys]);
            foreach (var (key, value) in keys.Where(k => k.Key is not ("batch" or "shuffle") && !ownKeys.Contains(k.Key)))
            {
                var parameter = variant.Parameters.First(p => p.Name == key);
                string keyPath = KeyPath.Child(settingsPath, key);
                if (value.Value is MappingNode rangeNode)
                {
                    if (SearchRangeReader.Read(context, rangeNode, keyPath, parameter, tuning) is { } range)
                    {
                        ranges.Add(new SearchDimension(key, range));
                    }
                }
                else if (ReadSweep(context, value.Value, keyPath, parameter) is { } values)
                {
                    if (tuning && values.Count > 1)
                    {
                        context.Error(value.Value, keyPath, "under 'tune' a list would multiply the trials; give one value to fix it, or { choice: [...] } to let the tuner pick");
                    }

                    sweeps.Add(new(key, values));
                }
            }

            if (keys.TryGetValue("batch", out var batchEntry))
            {
                batches = ReadBatches(context, batchEntry, KeyPath.Child(settingsPath, "batch"), variant);
                if (tuning && batches.Count > 1)
                {
                    context.Error(batchEntry.Value, KeyPath.Child(settingsPath, "batch"), "under 'tune' each variant entry has one batch size; write one entry per batch size to tune each");
                }
            }

            if (keys.TryGetValue("shuffle", out var shuffleEntry))
            {
                shuffle = context.Boolean(shuffleEntry.Value, KeyPath.Child(settingsPath, "shuffle")) ?? false;
            }
        }

        var space = tuning ? Space(variant, sweeps, ranges) : null;
        var config = new VariantConfig(variant.Name, sweeps, batches.Select(b => b.Size).ToArray(), shuffle, variant, space);
        return new ParsedVariant(config, variant, node, path, batches);
    }

    /// <summary>The variant's default space with the config's ranges in place of its own (new ones after, in config order),
    /// without the hyper-parameters the config fixes to a value.</summary>
    private static IReadOnlyList<SearchDimension> Space(IVariant variant, IReadOnlyList<KeyValuePair<string, IReadOnlyList<double>>> fixedValues, IReadOnlyList<SearchDimension> ranges) =>
    [
        .. variant.Space
            .Where(d => !fixedValues.Any(f => f.Key == d.Name))
            .Select(d => ranges.FirstOrDefault(r => r.Name == d.Name) ?? d),
        .. ranges.Where(r => !variant.Space.Any(d => d.Name == r.Name)),
    ];

    /// <summary>One number or a non-empty list of distinct numbers, each inside the parameter's range.</summary>
    private static IReadOnlyList<double>? ReadSweep(ValidationContext context, ConfigNode node, string path, HyperParameter parameter)
    {
        string expected = Expected(parameter);
        if (node is not SequenceNode list)
        {
            return context.Number(node, path, expected, parameter.Accepts) is { } single ? [single] : null;
        }

        if (list.Items.Count == 0)
        {
            context.Error(node, path, $"expected {expected} or a non-empty list of them, got an empty list");
            return null;
        }

        var values = new List<double>();

        // A set beside the list: a sweep lists thousands of values, and searching the list for each was quadratic.
        var seen = new HashSet<double>();
        bool valid = true;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string itemPath = KeyPath.Item(path, i);
            if (context.Number(list.Items[i], itemPath, expected, parameter.Accepts) is not { } value)
            {
                valid = false;
            }
            else if (!seen.Add(value))
            {
                context.Error(list.Items[i], itemPath, Duplicate(value.ToString("R", CultureInfo.InvariantCulture)));
                valid = false;
            }
            else
            {
                values.Add(value);
            }
        }

        return valid ? values : null;
    }

    /// <summary><c>a number > 0 (range (0, inf))</c> or <c>a number in [0, 1)</c>.</summary>
    private static string Expected(HyperParameter parameter)
    {
        if (!double.IsPositiveInfinity(parameter.Max))
        {
            return $"a number in {parameter.Range}";
        }

        string min = parameter.Min.ToString("R", CultureInfo.InvariantCulture);
        return $"a number {(parameter.MinInclusive ? ">=" : ">")} {min} (range {parameter.Range})";
    }

    private static IReadOnlyList<BatchSource> ReadBatches(ValidationContext context, MappingEntry entry, string path, IVariant variant)
    {
        if (variant.BatchMode != BatchMode.Configurable)
        {
            string fixedBatch = variant.BatchMode == BatchMode.One ? "one sample" : "all samples";
            context.Error(entry.Key, path, $"{variant.Name} fixes its batch ({fixedBatch} per update); remove 'batch'");
            return [];
        }

        var items = entry.Value is SequenceNode list ? list.Items : [entry.Value];
        if (items.Count == 0)
        {
            context.Error(entry.Value, path, $"expected {BatchExpected} or a non-empty list of them, got an empty list");
            return [];
        }

        var batches = new List<BatchSource>();
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = entry.Value is SequenceNode ? KeyPath.Item(path, i) : path;
            int? size;
            if (items[i] is ScalarNode { Kind: ScalarKind.String, Text: "all" })
            {
                size = null;
            }
            else if (context.Integer(items[i], itemPath, BatchExpected, (long)ConfigKeys.Batch.Min!, (long)ConfigKeys.Batch.Max!) is { } integer)
            {
                size = (int)integer;
            }
            else
            {
                continue;
            }

            if (batches.Exists(b => b.Size == size))
            {
                context.Error(items[i], itemPath, Duplicate(size?.ToString(CultureInfo.InvariantCulture) ?? "all"));
                continue;
            }

            batches.Add(new BatchSource(size, items[i], itemPath));
        }

        return batches;
    }

    private static string Duplicate(string value) => $"duplicate value {value} in the sweep";

    /// <summary>The settings keys of <paramref name="variant"/>: its hyper-parameters, then batch and shuffle (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys(IVariant variant) => [.. variant.Parameters.Select(p => p.Name), .. ConfigKeys.NamesUnder(ConfigKeys.VariantSettings)];
}
