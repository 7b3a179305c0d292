using System.ComponentModel;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Running;
using DescentLab.Output.Retention;

namespace DescentLab.Host;

/// <summary>The <c>DescentLab</c> settings section (appsettings.json, environment <c>DescentLab__Key</c>, command line).</summary>
public sealed class DescentLabSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "DescentLab";

    /// <summary>Reports root (SPEC §7); relative paths are taken from the current directory.</summary>
    [Description("reports root (history.db, logs, run folders)")]
    public string ReportsDir { get; set; } = "reports";

    /// <summary>serve: the folder of configs to run.</summary>
    [Description("serve: folder whose *.yaml, *.yml and *.json configs are run")]
    public string ConfigDir { get; set; } = "configs";

    /// <summary>serve: cron expression (5 fields, UTC) of scheduled runs; empty for none.</summary>
    [Description("serve: cron expression (5 fields, UTC); empty for none")]
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>serve: run every config once at start.</summary>
    [Description("serve: run every config once at start")]
    public bool RunOnStart { get; set; }

    /// <summary>serve: run a config when its file changes.</summary>
    [Description("serve: run a config when its file changes")]
    public bool WatchConfigs { get; set; } = true;

    /// <summary>serve: quiet time after the last change before a changed config runs.</summary>
    [Description("serve: quiet seconds after the last change before it runs")]
    public double DebounceSeconds { get; set; } = 2;

    /// <summary>Runs in parallel; 0 means the processor count.</summary>
    [Description("runs at once; 0 = processor count")]
    public int Parallel { get; set; }

    /// <summary>Largest n of one dataset a config may ask for.</summary>
    [Description("largest n of one dataset")]
    public long MaxSamples { get; set; } = ConfigLimits.Default.MaxSamples;

    /// <summary>Largest runs × epochs × n of one config (per-sample gradient evaluations).</summary>
    [Description("largest runs x epochs x n of one config")]
    public long MaxWork { get; set; } = ConfigLimits.Default.MaxWork;

    /// <summary>Largest total of curve rows of one config.</summary>
    [Description("largest total of curve rows of one config")]
    public long MaxCurveRows { get; set; } = ConfigLimits.Default.MaxCurveRows;

    /// <summary>Largest dataset (samples) written to a run's data/ folder; larger ones are identified in the manifest
    /// (recipe, n, seed or source path, content hash) and regenerated or re-read by <c>report</c>. <c>run --write-data</c>
    /// writes every dataset.</summary>
    public long DataFileMaxSamples { get; set; } = RunEnvironment.DefaultDataFileMaxSamples;

    /// <summary>Which run sets, incomplete folders and temporary files <c>prune</c> and <c>serve</c> remove.</summary>
    public RetentionPolicy Retention { get; set; } = new();

    /// <summary>The size limits configs are checked against.</summary>
    public ConfigLimits Limits => new(MaxSamples, MaxWork, MaxCurveRows);

    /// <summary>Every setting with its default and meaning (from the <see cref="DescriptionAttribute"/>s), for <c>--help</c>.</summary>
    public static IEnumerable<string> Describe()
    {
        var defaults = new DescentLabSettings();
        foreach (var property in typeof(DescentLabSettings).GetProperties())
        {
            if (property.GetCustomAttributes(typeof(DescriptionAttribute), false) is [DescriptionAttribute description])
            {
                string value = Convert.ToString(property.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                yield return $"--{Section}:{property.Name}={value}  {description.Description}";
            }
        }
    }
}
