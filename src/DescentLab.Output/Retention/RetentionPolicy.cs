using System.ComponentModel;
using System.Globalization;

namespace DescentLab.Output.Retention;

/// <summary>How long run sets are kept: the <c>DescentLab:Retention</c> settings.</summary>
/// <remarks>A complete run set is removed only when it breaks every rule that is set: it is not among the newest
/// <see cref="KeepLast"/> of its config and it is older than <see cref="KeepDays"/>. With neither rule set, every complete
/// set is kept. Incomplete folders and temporary files are removed once untouched for <see cref="GraceHours"/>.</remarks>
public sealed class RetentionPolicy
{
    /// <summary>Keep the newest N complete run sets of each config; 0 sets no count rule.</summary>
    [Description("retention: keep the newest N complete run sets of each config; 0 = no count rule")]
    public int KeepLast { get; set; }

    /// <summary>Keep complete run sets younger than this many days; 0 sets no age rule.</summary>
    [Description("retention: keep complete run sets younger than this many days; 0 = no age rule")]
    public double KeepDays { get; set; }

    /// <summary>Incomplete run folders and stale temporary files are removed after this many hours without a write.</summary>
    [Description("retention: hours without a write after which incomplete folders and temporary files go")]
    public double GraceHours { get; set; } = 72;

    /// <summary>True when at least one rule can remove complete run sets.</summary>
    public bool LimitsCompleteSets => KeepLast > 0 || KeepDays > 0;

    /// <summary>The first problem with the settings, or null when they are usable.</summary>
    public string? Problem()
    {
        if (KeepLast < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Retention:KeepLast must be >= 0 (0 = no count rule), got {KeepLast}");
        }

        if (!double.IsFinite(KeepDays) || KeepDays < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Retention:KeepDays must be a number >= 0 (0 = no age rule), got {KeepDays}");
        }

        return !double.IsFinite(GraceHours) || GraceHours <= 0
            ? string.Create(CultureInfo.InvariantCulture, $"Retention:GraceHours must be a number > 0, got {GraceHours}")
            : null;
    }

    /// <summary>The rules in words, for logs and the <c>prune</c> command.</summary>
    public string Describe()
    {
        string complete = (KeepLast > 0, KeepDays > 0) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"keep the newest {KeepLast} and any younger than {KeepDays} days"),
            (true, false) => string.Create(CultureInfo.InvariantCulture, $"keep the newest {KeepLast}"),
            (false, true) => string.Create(CultureInfo.InvariantCulture, $"keep those younger than {KeepDays} days"),
            _ => "keep all (no KeepLast or KeepDays set)",
        };
        return string.Create(CultureInfo.InvariantCulture, $"complete run sets: {complete}; incomplete folders and temporary files: remove after {GraceHours} h without a write");
    }
}
