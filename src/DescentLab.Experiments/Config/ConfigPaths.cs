namespace DescentLab.Experiments.Config;

/// <summary>The config files a command is given: a folder stands for the configs directly in it (<c>*.yaml</c>,
/// <c>*.yml</c>, <c>*.json</c>) in file-name order, so <c>descentlab run configs/lessons/</c> runs every lesson in order.</summary>
public static class ConfigPaths
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The paths with every folder replaced by its configs; <paramref name="errors"/> names a folder without any.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> errors)
    {
        var expanded = new List<string>();
        var problems = new List<string>();
        foreach (string path in paths)
        {
            if (!Directory.Exists(path))
            {
                expanded.Add(path);
                continue;
            }

            var configs = Directory.EnumerateFiles(path)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (configs.Count == 0)
            {
                problems.Add($"{path}: a folder without configs (*.yaml, *.yml or *.json)");
            }

            expanded.AddRange(configs);
        }

        errors = problems;
        return expanded;
    }
}
