namespace DescentLab.Experiments.Results;

/// <summary>A run set compared with its baseline: per problem × variant setting across seeds (which decides), and per run.</summary>
/// <param name="BaselineSource">Where the baseline came from (a path, or "previous: &lt;run set&gt;").</param>
/// <param name="Regressions">Runs that got worse, one finding per metric (per seed; kept for regression.csv).</param>
/// <param name="Improvements">Runs that got better.</param>
/// <param name="NewRuns">Run ids only in the current set.</param>
/// <param name="MissingRuns">Run ids only in the baseline.</param>
/// <param name="Unchanged">Runs compared with no change beyond tolerance.</param>
public sealed record RegressionReport(
    string BaselineSource,
    IReadOnlyList<RegressionFinding> Regressions,
    IReadOnlyList<RegressionFinding> Improvements,
    IReadOnlyList<string> NewRuns,
    IReadOnlyList<string> MissingRuns,
    int Unchanged)
{
    /// <summary>The text for a baseline whose config hash is not known (a baseline CSV from before hashes were kept).</summary>
    public const string UnknownConfig = "unknown config";

    /// <summary>Every compared setting × metric, changed or not, in the current rows' order, then settings only in the baseline.</summary>
    public IReadOnlyList<SettingComparison> Settings { get; init; } = [];

    /// <summary>SHA-256 of the config the baseline ran from, or null when unknown.</summary>
    public string? BaselineConfigHash { get; init; }

    /// <summary>SHA-256 of this run set's config.</summary>
    public string? ConfigHash { get; init; }

    /// <summary>The machine the baseline ran on, or null when unknown.</summary>
    public string? BaselineMachine { get; init; }

    /// <summary>The machine this run set ran on, or null when unknown.</summary>
    public string? Machine { get; init; }

    /// <summary>What to say when the baseline ran on another machine; null when it is the same or either is unknown.</summary>
    public string? MachineChange => NotCompared is null && BaselineMachine is { Length: > 0 } before && Machine is { Length: > 0 } now && before != now
        ? $"The baseline ran on machine {before}, this run set on {now}, so differences may come from the machine as well as the code."
        : null;

    /// <summary>Why nothing was compared (no earlier run set, a missing baseline), or null when a comparison was made.</summary>
    public string? NotCompared { get; init; }

    /// <summary>Setting × metric comparisons that got worse: what the gate fails on.</summary>
    public IEnumerable<SettingComparison> SettingRegressions => Settings.Where(s => s.Direction > 0);

    /// <summary>Setting × metric comparisons that got better.</summary>
    public IEnumerable<SettingComparison> SettingImprovements => Settings.Where(s => s.Direction < 0);

    /// <summary>True when a setting regressed (a metric, or seeds of the baseline missing without <c>allow_missing</c>).</summary>
    public bool HasRegressions => Settings.Any(s => s.Direction > 0);

    /// <summary>True when the baseline's config is known to be another, or is unknown.</summary>
    public bool ConfigDiffers => NotCompared is null && ConfigHash is not null && BaselineConfigHash != ConfigHash;

    /// <summary>What to say first when <see cref="ConfigDiffers"/>; null otherwise.</summary>
    public string? ConfigChange => !ConfigDiffers ? null
        : BaselineConfigHash is null
            ? $"The baseline's config is unknown ({UnknownConfig}: the baseline carries no config hash), so differences may come from the config as well as the code."
            : $"The config differs from the baseline's (baseline config SHA-256 {Short(BaselineConfigHash)}, now {Short(ConfigHash!)}), so differences may come from the config as well as the code.";

    /// <summary>A report that compared nothing, saying why.</summary>
    public static RegressionReport Skipped(string baselineSource, string reason) =>
        new(baselineSource, [], [], [], [], 0) { NotCompared = reason };

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
