using DescentLab.Experiments.Config;
using DescentLab.Output.Retention;

namespace DescentLab.Host;

/// <summary>The <c>DescentLab</c> settings section (appsettings.json, environment <c>DescentLab__Key</c>, command line).</summary>
public sealed class DescentLabSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "DescentLab";

    /// <summary>Reports root (SPEC §7); relative paths are taken from the current directory.</summary>
    public string ReportsDir { get; set; } = "reports";

    /// <summary>serve: the folder of configs to run.</summary>
    public string ConfigDir { get; set; } = "configs";

    /// <summary>serve: cron expression (5 fields, UTC) of scheduled runs; empty for none.</summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>serve: run every config once at start.</summary>
    public bool RunOnStart { get; set; }

    /// <summary>serve: run a config when its file changes.</summary>
    public bool WatchConfigs { get; set; } = true;

    /// <summary>serve: quiet time after the last change before a changed config runs.</summary>
    public double DebounceSeconds { get; set; } = 2;

    /// <summary>Runs in parallel; 0 means the processor count.</summary>
    public int Parallel { get; set; }

    /// <summary>Largest n of one dataset a config may ask for.</summary>
    public long MaxSamples { get; set; } = ConfigLimits.Default.MaxSamples;

    /// <summary>Largest runs × epochs × n of one config (per-sample gradient evaluations).</summary>
    public long MaxWork { get; set; } = ConfigLimits.Default.MaxWork;

    /// <summary>Largest total of curve rows of one config.</summary>
    public long MaxCurveRows { get; set; } = ConfigLimits.Default.MaxCurveRows;

    /// <summary>Which run sets, incomplete folders and temporary files <c>prune</c> and <c>serve</c> remove.</summary>
    public RetentionPolicy Retention { get; set; } = new();

    /// <summary>The size limits configs are checked against.</summary>
    public ConfigLimits Limits => new(MaxSamples, MaxWork, MaxCurveRows);
}
