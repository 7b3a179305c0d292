using System.Globalization;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Ticks of a log10 axis: a labelled tick at every decade (<c>1e-4</c>), log-spaced minor ticks between, and
/// labelled 2× and 5× ticks when the range holds fewer than two decades, so every log axis reads at least two labels.</summary>
public sealed class DecadeTicks : ITickGenerator
{
    /// <summary>Minor ticks are drawn only when a decade is at least this tall or wide, in pixels.</summary>
    private const float MinPixelsPerDecadeForMinors = 24;

    /// <inheritdoc/>
    public Tick[] Ticks { get; set; } = [];

    /// <inheritdoc/>
    public int MaxTickCount { get; set; } = 1000;

    /// <inheritdoc/>
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle) =>
        Ticks = Generate(range.Min, range.Max, size.Length);

    /// <summary>The ticks of the log10 range [<paramref name="min"/>, <paramref name="max"/>] drawn over <paramref name="pixels"/>.</summary>
    public static Tick[] Generate(double min, double max, float pixels)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            return [];
        }

        var ticks = new List<Tick>();
        int first = (int)Math.Floor(min);
        int last = (int)Math.Ceiling(max);
        bool fewDecades = Math.Floor(max) - Math.Ceiling(min) < 1;
        bool minors = pixels / (max - min) >= MinPixelsPerDecadeForMinors;
        for (int decade = first; decade <= last; decade++)
        {
            for (int k = 1; k <= 9; k++)
            {
                double position = decade + Math.Log10(k);
                if (position < min || position > max)
                {
                    continue;
                }

                if (k == 1 || (fewDecades && k is 2 or 5))
                {
                    ticks.Add(Tick.Major(position, Label(k, decade)));
                }
                else if (minors)
                {
                    ticks.Add(Tick.Minor(position));
                }
            }
        }

        return [.. ticks];
    }

    /// <summary>A positive value as <c>1e-6</c> or <c>2.5e-3</c> (invariant culture).</summary>
    public static string Label(double value) => value.ToString("0.##e+0", CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal);

    /// <summary><c>1e-4</c> for a decade, <c>5e-4</c> for five times it (invariant culture).</summary>
    public static string Label(int mantissa, int exponent) =>
        string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{exponent}");
}
