namespace DescentLab.Core.Datasets;

/// <summary>Where a dataset came from and a hash of its values.</summary>
/// <param name="Name">Display name: the recipe or the file name.</param>
/// <param name="Recipe">Recipe key, or null for a user's file.</param>
/// <param name="N">Number of samples.</param>
/// <param name="Seed">Recipe seed, or null for a user's file.</param>
/// <param name="Source">The file path as written in the config, or null for a recipe.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the columns (see <see cref="Dataset.ComputeContentHash"/>).</param>
public sealed record DatasetIdentity(string Name, string? Recipe, int N, ulong? Seed, string? Source, string ContentHash);
