namespace DescentLab.Host;

/// <summary>The git commits of the folders a command's configs are in, looked up on background threads from the
/// command's start.</summary>
/// <remarks>A lookup starts two git processes (HEAD, then whether the work tree has changes). Made where the manifest's
/// environment is built, they held up a cold nightly by about 70 ms; started with the command, they run while the host
/// starts up on the other core. A folder that was not looked up in advance is looked up when asked.</remarks>
public sealed class GitCommits
{
    private readonly Dictionary<string, Task<string?>> _lookups;

    private GitCommits(Dictionary<string, Task<string?>> lookups) => _lookups = lookups;

    /// <summary>Nothing looked up in advance.</summary>
    public static GitCommits OnDemand { get; } = new([]);

    /// <summary>Starts looking up the folder of each of <paramref name="configPaths"/>: a config file's folder, or the
    /// folder itself for a folder of configs.</summary>
    public static GitCommits Prefetch(IEnumerable<string> configPaths)
    {
        var lookups = new Dictionary<string, Task<string?>>(StringComparer.Ordinal);
        foreach (string path in configPaths)
        {
            string folder = Key(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            if (!lookups.ContainsKey(folder))
            {
                lookups[folder] = Task.Run(() => RunEnvironmentFactory.GitCommit(folder));
            }
        }

        return new(lookups);
    }

    /// <summary>HEAD of the repository holding <paramref name="folder"/>, suffixed <c>-dirty</c> with local changes, or
    /// null outside a repository.</summary>
    public string? Of(string folder) => _lookups.TryGetValue(Key(folder), out var lookup)
        ? lookup.GetAwaiter().GetResult()
        : RunEnvironmentFactory.GitCommit(folder);

    private static string Key(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Length == 0 ? "." : folder));
}
