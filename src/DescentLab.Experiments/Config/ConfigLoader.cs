namespace DescentLab.Experiments.Config;

/// <summary>Loads and validates YAML or JSON configs into <see cref="ExperimentConfig"/>.</summary>
public static class ConfigLoader
{
    /// <summary>Loads <paramref name="path"/>; returns the config or every error found.</summary>
    public static ConfigLoadResult Load(string path, ConfigLimits limits) => throw new NotSupportedException("Being written in the config branch.");
}
