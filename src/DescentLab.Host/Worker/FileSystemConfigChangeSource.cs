namespace DescentLab.Host.Worker;

/// <summary>Watches a config folder for created, changed or renamed *.yaml, *.yml and *.json files.</summary>
public sealed class FileSystemConfigChangeSource : IConfigChangeSource
{
    private FileSystemWatcher? _watcher;

    /// <inheritdoc/>
    public event Action<string>? Changed;

    /// <inheritdoc/>
    public void Start(string configDir)
    {
        _watcher = new FileSystemWatcher(configDir)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += (_, e) => Raise(e.FullPath);
        _watcher.Created += (_, e) => Raise(e.FullPath);
        _watcher.Renamed += (_, e) => Raise(e.FullPath);
        _watcher.EnableRaisingEvents = true;
    }

    /// <inheritdoc/>
    public void Dispose() => _watcher?.Dispose();

    private void Raise(string path)
    {
        if (ConfigFiles.IsConfig(path))
        {
            Changed?.Invoke(path);
        }
    }
}
