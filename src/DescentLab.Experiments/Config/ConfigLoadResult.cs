namespace DescentLab.Experiments.Config;

/// <summary>A config, or every error found in it.</summary>
public sealed record ConfigLoadResult(ExperimentConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>True when the config loaded without errors.</summary>
    public bool Succeeded => Config is not null && Errors.Count == 0;
}
