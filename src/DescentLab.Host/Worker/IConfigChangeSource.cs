namespace DescentLab.Host.Worker;

/// <summary>Reports config files that were created or changed.</summary>
public interface IConfigChangeSource : IDisposable
{
    /// <summary>Raised with the full path of a changed config file.</summary>
    event Action<string>? Changed;

    /// <summary>Starts watching <paramref name="configDir"/>.</summary>
    void Start(string configDir);
}
