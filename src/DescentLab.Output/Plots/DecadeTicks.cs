using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Ticks of a log10 axis: a labelled tick at every decade (<c>1e-4</c>, <c>0.01</c>), log-spaced minor ticks
/// between, and labelled 2× and 5× ticks when the range spans less than two decades, so a short axis reads at least
/// three labels. Labels are <see cref="HumanNumber.Format"/>'s, like every number a reader sees.</summary>
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
        bool fewDecades = max - min < 2;
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
                    ticks.Add(Tick.Major(position, HumanNumber.Format(k * Math.Pow(10, decade))));
                }
                else if (minors)
                {
                    ticks.Add(Tick.Minor(position));
                }
            }
        }

        return [.. ticks];
    }
}
