using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Experiments.Datasets;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>datasets</c> list: <c>{recipe: beans1, n: 100}</c> or <c>{file: data/x.csv}</c>, each with optional <c>models</c>.</summary>
/// <remarks>Files are probed (every row checked, nothing kept) to learn their dimension and n; no recipe data is generated.</remarks>
internal sealed class DatasetsValidator(ValidationContext context, string configDirectory, ConfigLimits limits)
{
    private const string ListKey = "datasets";
    private static readonly IReadOnlyList<string> EntryKeys = ConfigKeys.NamesUnder(ConfigKeys.Dataset);

    private long MaxSamples => Math.Min(limits.MaxSamples, (long)ConfigKeys.SampleCount.Max!);

    /// <summary>The valid entries of the list at <paramref name="node"/>; every mistake is reported.</summary>
    public IReadOnlyList<ParsedDataset> Read(ConfigNode node)
    {
        var list = context.NonEmptyList(node, ListKey, "a non-empty list of datasets, e.g. [{recipe: beans1, n: 100}]");
        var datasets = new List<ParsedDataset>();
        var byIdentity = new Dictionary<(string? Recipe, int N, string? FullPath), ParsedDataset>();
        var byName = new Dictionary<(string Name, int N), ParsedDataset>();
        for (int i = 0; list is not null && i < list.Items.Count; i++)
        {
            string path = KeyPath.Item(ListKey, i);
            if (context.Mapping(list.Items[i], path, "a dataset such as {recipe: beans1, n: 100} or {file: data/beans.csv}") is not { } mapping)
            {
                continue;
            }

            var keys = context.Keys(mapping, path, EntryKeys);
            var models = keys.TryGetValue("models", out var modelsEntry) ? ModelsValidator.Read(context, modelsEntry.Value, KeyPath.Child(path, "models")) : null;
            var config = (keys.ContainsKey("recipe"), keys.ContainsKey("file")) switch
            {
                (true, true) => Fail(mapping, path, "give either recipe or file, not both"),
                (false, false) => Fail(mapping, path, "missing required key 'recipe' or 'file'"),
                (true, false) => ReadRecipe(keys, mapping, path),
                (false, true) => ReadFile(keys, path),
            };
            if (config is null)
            {
                continue;
            }

            // Dictionaries, not list scans: a config with 100,000 datasets validates in linear time.
            if (byIdentity.TryGetValue((config.Recipe, config.N, config.FullPath), out var twin))
            {
                context.Error(mapping, path, $"the same dataset as {twin.Path}");
                continue;
            }

            if (byName.TryGetValue((config.Name, config.N), out var namesake))
            {
                context.Error(mapping, path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"dataset name '{config.Name}' with n = {config.N} is already used by {namesake.Path}; run ids would collide, so rename the file"));
                continue;
            }

            config = config with
            {
                Models = models?.Select(m => m.Config).ToArray(),
                TargetLoss = keys.TryGetValue("target_loss", out var loss) ? StopValidator.TargetLoss(context, loss.Value, KeyPath.Child(path, "target_loss")) : null,
                TargetAccuracy = keys.TryGetValue("target_accuracy", out var accuracy)
                    ? StopValidator.TargetAccuracy(context, accuracy.Value, KeyPath.Child(path, "target_accuracy"))
                    : null,
            };
            var parsed = new ParsedDataset(config, mapping, path, models);
            datasets.Add(parsed);
            byIdentity.Add((config.Recipe, config.N, config.FullPath), parsed);
            byName.Add((config.Name, config.N), parsed);
        }

        return datasets;
    }

    private DatasetConfig? Fail(MappingNode mapping, string path, string message)
    {
        context.Error(mapping, path, message);
        return null;
    }

    private DatasetConfig? ReadRecipe(IReadOnlyDictionary<string, MappingEntry> keys, MappingNode mapping, string path)
    {
        string recipePath = KeyPath.Child(path, "recipe");
        string? name = context.Text(keys["recipe"].Value, recipePath, "a recipe name");
        var recipe = name is null ? null : RecipeCatalog.Find(name);
        if (name is not null && recipe is null)
        {
            context.Error(keys["recipe"].Value, recipePath, Suggestions.UnknownName("recipe", name, RecipeCatalog.All.Select(r => r.Name).ToArray()));
        }

        string nPath = KeyPath.Child(path, "n");
        var nNode = context.Required(keys, "n", mapping, path, "the number of samples to generate");
        long? n = nNode is null ? null : context.Integer(nNode, nPath, ConfigKeys.SampleCount);
        if (n > MaxSamples)
        {
            context.Error(nNode!, nPath, string.Create(CultureInfo.InvariantCulture, $"n = {n} is more than the limit of {MaxSamples} samples"));
            return null;
        }

        return recipe is null || n is null ? null : new DatasetConfig(recipe.Name, (int)n, null, null, recipe.Dimension, null);
    }

    private DatasetConfig? ReadFile(IReadOnlyDictionary<string, MappingEntry> keys, string path)
    {
        if (keys.TryGetValue("n", out var nEntry))
        {
            context.Error(nEntry.Key, KeyPath.Child(path, "n"), "n is not allowed with file: n is the file's row count");
        }

        var fileNode = keys["file"].Value;
        string filePath = KeyPath.Child(path, "file");
        if (context.Text(fileNode, filePath, "a CSV file path") is not { } file)
        {
            return null;
        }

        try
        {
            string fullPath = Path.GetFullPath(file, configDirectory);
            var shape = DatasetFileReader.Probe(fullPath, file);
            if (shape.Rows > MaxSamples)
            {
                context.Error(fileNode, filePath, string.Create(CultureInfo.InvariantCulture, $"the file has {shape.Rows} rows, more than the limit of {MaxSamples} samples"));
                return null;
            }

            return new DatasetConfig(null, (int)shape.Rows, file, fullPath, shape.Dimension, null);
        }
        catch (DatasetFileException ex)
        {
            context.Error(fileNode, filePath, ex.Message);
        }
        catch (ArgumentException)
        {
            context.Error(fileNode, filePath, $"'{file}' is not a valid path");
        }

        return null;
    }

    /// <summary>The keys of a <c>datasets</c> entry (read by the JSON Schema).</summary>
    internal static IReadOnlyList<string> ValidKeys => EntryKeys;
}
