using DescentLab.Core.Training;

namespace DescentLab.Experiments.Config;

/// <summary>A validated experiment config, every default filled in. Produced only by <see cref="ConfigLoader"/>.</summary>
public sealed record ExperimentConfig
{
    /// <summary>Used in output paths; [A-Za-z0-9._-] only.</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the config file.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the config file's bytes, followed by its <c>--set</c> overrides when it has any.</summary>
    public required string SourceHash { get; init; }

    /// <summary>The <c>--set</c> overrides applied to the file (<c>KEY=VALUE</c>, in order); empty for the file as it is.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Seeds, in config order, without duplicates.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }

    /// <summary>Datasets, in config order.</summary>
    public required IReadOnlyList<DatasetConfig> Datasets { get; init; }

    /// <summary>Top-level model list (a dataset may override it).</summary>
    public required IReadOnlyList<ModelConfig> Models { get; init; }

    /// <summary>Variants, in config order (the same variant may appear twice with other settings).</summary>
    public required IReadOnlyList<VariantConfig> Variants { get; init; }

    /// <summary>.NET plug-ins named under <c>plugins</c>, in config order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; init; } = [];

    /// <summary>Initial parameter values by name (default w = 0.1, b = 0.0; w1 and w2 fall back to w).</summary>
    public required IReadOnlyDictionary<string, double> Init { get; init; }

    /// <summary>Stop rules.</summary>
    public required StopConfig Stop { get; init; }

    /// <summary>Curve row per epoch or per step.</summary>
    public RecordMode Record { get; init; } = RecordMode.Epoch;

    /// <summary>Regression block, if the config has one.</summary>
    public RegressionConfig? Regression { get; init; }

    /// <summary>The tuning budget, or null when the config does not tune (its variants run as written).</summary>
    public TuneConfig? Tune { get; init; }

    /// <summary>What report.md shows; <see cref="ReportConfig.Default"/> without a <c>report</c> block.</summary>
    public ReportConfig Report { get; init; } = ReportConfig.Default;
}
