using DescentLab.Core.Datasets;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;

namespace DescentLab.Output.Csv;

/// <summary>The samples of a run folder's dataset: data/&lt;key&gt;.csv when it was stored, otherwise regenerated from
/// the recipe (recipe, n, seed) or re-read from the user's file (its source path, relative to the config file); the
/// content hash recorded in the manifest is checked in every case.</summary>
public static class DatasetSource
{
    /// <summary>Loads the dataset <paramref name="info"/> of the run folder <paramref name="runDir"/>.</summary>
    /// <exception cref="RunFileException">The samples cannot be found or do not match the recorded hash.</exception>
    public static Dataset Load(string runDir, RunManifest manifest, DatasetInfo info)
    {
        string stored = Path.Combine(runDir, DatasetCsv.RelativePath(info.Key));
        if (info.Stored || File.Exists(stored))
        {
            return DatasetCsv.Read(stored, info.Identity);
        }

        var identity = info.Identity;
        string where = Path.Combine(runDir, ManifestJson.FileName);
        if (identity.Recipe is { } recipeName)
        {
            var recipe = RecipeCatalog.Find(recipeName)
                ?? throw new RunFileException(where, 0, $"dataset {info.Key} was not stored and this build has no recipe '{recipeName}' to regenerate it");
            var data = recipe.Generate(identity.N, identity.Seed ?? 0);
            return data.Identity.ContentHash == identity.ContentHash
                ? data
                : throw new RunFileException(where, 0, $"dataset {info.Key} regenerated from {recipeName} (n = {identity.N}, seed {identity.Seed}) does not match the content hash {identity.ContentHash} (found {data.Identity.ContentHash})");
        }

        if (identity.Source is { } source)
        {
            string configFolder = Path.GetDirectoryName(manifest.ResolvedConfig.SourcePath) ?? ".";
            string path = Path.IsPathRooted(source) ? source : Path.Combine(configFolder, source);
            if (!File.Exists(path))
            {
                throw new RunFileException(where, 0, $"dataset {info.Key} was not stored and its file {path} is not there");
            }

            return DatasetCsv.Read(path, identity);
        }

        throw new RunFileException(where, 0, $"dataset {info.Key} was not stored and has neither a recipe nor a source");
    }
}
