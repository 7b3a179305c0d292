using System.Globalization;

namespace DescentLab.Core.Variants;

/// <summary>One hyper-parameter of a variant: its config key, default and valid range.</summary>
/// <param name="Name">Config key, e.g. <c>lr</c>.</param>
/// <param name="Default">Value when the config gives none.</param>
/// <param name="Min">Lower bound.</param>
/// <param name="MinInclusive">Whether <paramref name="Min"/> itself is allowed.</param>
/// <param name="Max">Upper bound.</param>
/// <param name="MaxInclusive">Whether <paramref name="Max"/> itself is allowed.</param>
/// <param name="Description">One line for listings and the schema.</param>
public sealed record HyperParameter(string Name, double Default, double Min, bool MinInclusive, double Max, bool MaxInclusive, string Description)
{
    /// <summary>A parameter that must be strictly positive.</summary>
    public static HyperParameter Positive(string name, double defaultValue, string description) =>
        new(name, defaultValue, 0, false, double.PositiveInfinity, false, description);

    /// <summary>A parameter in [0, 1).</summary>
    public static HyperParameter Fraction(string name, double defaultValue, string description) =>
        new(name, defaultValue, 0, true, 1, false, description);

    /// <summary>The valid range in interval notation, e.g. <c>(0, inf)</c>.</summary>
    public string Range => string.Create(
        CultureInfo.InvariantCulture,
        $"{(MinInclusive ? "[" : "(")}{Format(Min)}, {Format(Max)}{(MaxInclusive ? "]" : ")")}");

    /// <summary>True when <paramref name="value"/> is finite and inside the range.</summary>
    public bool Accepts(double value) =>
        double.IsFinite(value)
        && (MinInclusive ? value >= Min : value > Min)
        && (MaxInclusive ? value <= Max : value < Max);

    private static string Format(double v) => double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString("R", CultureInfo.InvariantCulture);
}
