using System.Text.Json.Serialization;
using DescentLab.Experiments.Config;

namespace DescentLab.Experiments.Results;

/// <summary>manifest.json: what ran, where, from which config, and how long it took.</summary>
public sealed record RunManifest
{
    /// <summary>Config name.</summary>
    public required string Name { get; init; }

    /// <summary>Config file as given on the command line.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>SHA-256 of the config file's bytes, followed by its <c>--set</c> overrides when it has any.</summary>
    public required string ConfigHash { get; init; }

    /// <summary>The <c>--set</c> overrides applied to the file (<c>KEY=VALUE</c>, in order), or null when there were none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Overrides { get; init; }

    /// <summary>The resolved config (every default filled in).</summary>
    public required ResolvedConfig ResolvedConfig { get; init; }

    /// <summary>The command line that reproduces the run.</summary>
    public required string Command { get; init; }

    /// <summary>Git commit of the working directory, or null outside a repository.</summary>
    public string? GitCommit { get; init; }

    /// <summary>DescentLab and package versions.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>Machine description.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>Seeds of the config.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }

    /// <summary>When the run set started (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>When it finished (UTC).</summary>
    public required DateTimeOffset FinishedUtc { get; init; }

    /// <summary>Degree of parallelism used.</summary>
    public required int Parallel { get; init; }

    /// <summary>Shard as <c>K/N</c>, or null for the whole matrix.</summary>
    public string? Shard { get; init; }

    /// <summary>True once every planned run finished (cancelled sets are incomplete).</summary>
    public required bool Complete { get; init; }

    /// <summary>Dataset instances, in plan order.</summary>
    public required IReadOnlyList<DatasetInfo> Datasets { get; init; }

    /// <summary>Reference optimum of each dataset instance × model, in plan order.</summary>
    public required IReadOnlyList<ProblemInfo> Problems { get; init; }

    /// <summary>Things the plan skipped and why (e.g. closed_form for logistic).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
