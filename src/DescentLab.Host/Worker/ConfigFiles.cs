namespace DescentLab.Host.Worker;

/// <summary>Which files of the config folder are configs.</summary>
public static class ConfigFiles
{
    /// <summary>True for *.yaml, *.yml and *.json (not hidden or editor temp files).</summary>
    public static bool IsConfig(string path)
    {
        string name = Path.GetFileName(path);
        string extension = Path.GetExtension(path);
        return !name.StartsWith('.')
            && (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The configs in <paramref name="configDir"/>, sorted by name.</summary>
    public static IReadOnlyList<string> In(string configDir) =>
        Directory.Exists(configDir)
            ? [.. Directory.EnumerateFiles(configDir).Where(IsConfig).Order(StringComparer.Ordinal)]
            : [];
}
