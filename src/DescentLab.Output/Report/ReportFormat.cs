using System.Globalization;
using DescentLab.Experiments.Text;

namespace DescentLab.Output.Report;

/// <summary>Number and time formats of the report: invariant culture, compact, and the same on every machine.</summary>
public static partial class ReportFormat
{
    /// <summary>Shown where a value does not exist (target never reached).</summary>
    public const string None = "—";

    /// <summary>A gap, loss or any other measured number, as every human text writes it (<see cref="HumanNumber"/>):
    /// e.g. <c>1.23e-7</c>, <c>0.0105</c>; <c>∞</c>, <c>-∞</c>, <c>NaN</c>.</summary>
    public static string Gap(double value) => HumanNumber.Format(value);

    /// <summary>The targets of a problem as its manifest records them (<c>target_gap 1E-06</c>, round-trip numbers) with
    /// every number in the human form (<c>target_gap 1e-6</c>).</summary>
    public static string Targets(string text) =>
        DataNumber().Replace(text, m => double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? Gap(v) : m.Value);

    /// <summary>A whole number, or <see cref="None"/>.</summary>
    public static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    /// <summary>A duration such as <c>3.5 s</c>, <c>2 min 3.4 s</c> or <c>1 h 02 min</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return None;
        }

        return span.TotalMinutes < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s")
            : span.TotalHours < 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds + (span.Milliseconds / 1000.0):0.0} s")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min");
    }

    /// <summary>A UTC time such as <c>2025-01-02 03:04:05 UTC</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Invariant-culture interpolation.</summary>
    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [System.Text.RegularExpressions.GeneratedRegex(@"-?\d+(\.\d+)?(E[-+]?\d+)?")]
    private static partial System.Text.RegularExpressions.Regex DataNumber();
}
