namespace DescentLab.Experiments.Config;

/// <summary>A dataset entry with the models it is fitted with (its own list or the top-level one).</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Recipe">Recipe key, or null for a file.</param>
/// <param name="File">The file as written in the config, or null.</param>
/// <param name="FullPath">The file's resolved path, or null.</param>
/// <param name="N">Samples.</param>
/// <param name="Dimension">Input dimension.</param>
/// <param name="Models">The models fitted to it.</param>
/// <param name="TargetLoss">Its own target loss, or null.</param>
/// <param name="TargetAccuracy">Its own target accuracy, or null.</param>
public sealed record ResolvedDataset(
    string Name,
    string? Recipe,
    string? File,
    string? FullPath,
    int N,
    int Dimension,
    IReadOnlyList<ResolvedModel> Models,
    double? TargetLoss = null,
    double? TargetAccuracy = null)
{
    /// <summary>The resolved form of <paramref name="dataset"/> fitted with <paramref name="models"/>.</summary>
    public static ResolvedDataset From(DatasetConfig dataset, IReadOnlyList<ModelConfig> models)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(
            dataset.Name,
            dataset.Recipe,
            dataset.File,
            dataset.FullPath,
            dataset.N,
            dataset.Dimension,
            [.. models.Select(ResolvedModel.From)],
            dataset.TargetLoss,
            dataset.TargetAccuracy);
    }
}
