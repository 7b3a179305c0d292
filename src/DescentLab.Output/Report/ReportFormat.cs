using System.Globalization;

namespace DescentLab.Output.Report;

/// <summary>Number and time formats of the report: invariant culture, compact, and the same on every machine.</summary>
public static class ReportFormat
{
    /// <summary>Shown where a value does not exist (target never reached).</summary>
    public const string None = "—";

    /// <summary>A gap or loss with four significant digits, e.g. <c>1.235e-7</c>; <c>∞</c>, <c>-∞</c>, <c>NaN</c>.</summary>
    public static string Gap(double value) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("0.###e+0", CultureInfo.InvariantCulture),
    };

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
}
