namespace DescentLab.Experiments.Config;

/// <summary>One dataset entry: a recipe with n, or a user's CSV file.</summary>
/// <param name="Recipe">Recipe key, or null for a file.</param>
/// <param name="N">Sample count for a recipe; the file's row count for a file.</param>
/// <param name="File">The file path as written in the config, or null.</param>
/// <param name="FullPath">The file path resolved against the config file's folder, or null.</param>
/// <param name="Dimension">Input dimension (1 or 2), known after validation.</param>
/// <param name="Models">This dataset's own model list, or null to use the top-level one.</param>
public sealed record DatasetConfig(string? Recipe, int N, string? File, string? FullPath, int Dimension, IReadOnlyList<ModelConfig>? Models)
{
    /// <summary>Readable, path-safe name: the recipe, or the file name without extension.</summary>
    public string Name => Recipe ?? Path.GetFileNameWithoutExtension(File!);

    /// <summary>This dataset's target loss (overrides <see cref="StopConfig.TargetLoss"/>), or null.</summary>
    public double? TargetLoss { get; init; }

    /// <summary>This dataset's target accuracy (overrides <see cref="StopConfig.TargetAccuracy"/>), or null.</summary>
    public double? TargetAccuracy { get; init; }
}
