using System.Globalization;

namespace DescentLab.Experiments.Text;

/// <summary>The one way a number is written for people: report.md, report.html, figure labels and log lines.</summary>
/// <remarks>
/// Data files (CSV, JSON, the journal) keep round-trip text; this is only for what a reader sees. Three significant
/// digits by default, trailing zeros dropped; plain decimals for magnitudes in [1e-3, 1e4), otherwise
/// <c>1.23e-7</c> (lower-case e, no plus sign, no leading zeros), never .NET's <c>1E-07</c>.
/// </remarks>
public static class HumanNumber
{
    /// <summary>The smallest magnitude written as a plain decimal.</summary>
    public const double PlainMin = 1e-3;

    /// <summary>The magnitude from which a number is written in e-notation.</summary>
    public const double PlainLimit = 1e4;

    /// <summary><paramref name="value"/> with <paramref name="digits"/> significant digits (1–17).</summary>
    public static string Format(double value, int digits = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 17);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        if (value == 0)
        {
            return "0";
        }

        // Round first, then decide the form: 9999.7 rounds to 1e4 and is written as such.
        double rounded = double.Parse(value.ToString("E" + (digits - 1), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(rounded);
        if (magnitude >= PlainMin && magnitude < PlainLimit)
        {
            int exponent = (int)Math.Floor(Math.Log10(magnitude));
            int decimals = Math.Max(0, digits - 1 - exponent);
            return TrimZeros(rounded.ToString("F" + decimals, CultureInfo.InvariantCulture));
        }

        string scientific = rounded.ToString("E" + (digits - 1), CultureInfo.InvariantCulture);
        int e = scientific.IndexOf('E', StringComparison.Ordinal);
        string mantissa = TrimZeros(scientific[..e]);
        int power = int.Parse(scientific[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + power.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="value"/> in the same form with the fewest significant digits (at least 3) that read back
    /// as exactly that double: for a value a reader must be able to tell apart (a setting's learning rate, a claim's bound).</summary>
    public static string Exact(double value)
    {
        for (int digits = 3; digits < 17; digits++)
        {
            string text = Format(value, digits);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double back) && back.Equals(value))
            {
                return text;
            }
        }

        return Format(value, 17);
    }

    /// <summary>A share such as an accuracy or a fraction of runs: <see cref="Format"/> with 3 digits, so 0.955 stays
    /// 0.955 and 1 stays 1.</summary>
    public static string Share(double value) => Format(value);

    private static string TrimZeros(string text)
    {
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            return text;
        }

        text = text.TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
