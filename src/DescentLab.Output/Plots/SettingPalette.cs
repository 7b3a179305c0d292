using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The colour and marker of every variant setting of a report, the same in all of its figures, derived from
/// each variant's base colour (<see cref="VariantStyles"/>): a variant's first setting takes its base colour, its other
/// settings lighter, darker or hue-shifted versions of it, and any colour closer than <see cref="MinimumDeltaE"/> to one
/// already handed out is skipped for the next candidate.</summary>
/// <remarks>Every pair of settings of the report differs by at least <see cref="MinimumDeltaE"/> (CIE76 in CIELAB), and
/// by <see cref="MinimumDeltaEDeuteranope"/> as a deuteranope sees them, not only the pairs that share a panel: profile.png and ecdf.png put every setting on one axis. Two variants that declare
/// the same base colour (batch and adam) therefore differ too. The guarantee holds while the candidates last (about 60
/// settings); past that a setting takes the candidate farthest from all others and its marker tells it apart. Only the
/// first <see cref="SearchedSettings"/> settings are searched that way: a sweep of thousands of settings (whose figures
/// draw a bounded number of them) cycles through its variant's candidates instead of comparing every pair.</remarks>
public sealed class SettingPalette
{
    /// <summary>Smallest CIE76 colour difference between two settings of a report: about seven just-noticeable
    /// differences, enough for thin lines on white.</summary>
    public const double MinimumDeltaE = 15;

    /// <summary>Smallest difference between two settings as a deuteranope sees them (simulated), where the room is
    /// smaller: red and green fold onto one axis.</summary>
    public const double MinimumDeltaEDeuteranope = 10;

    /// <summary>Settings placed by searching for the farthest colour; past the candidates' room (about 60) the search
    /// cannot keep its guarantee, and its cost grows with the square of the settings.</summary>
    public const int SearchedSettings = 64;

    /// <summary>Lightest and darkest lightness handed out: lighter lines vanish on white, darker ones look black.</summary>
    private const double LightestL = 78;
    private const double DarkestL = 22;

    /// <summary>Lightness and hue steps tried from a variant's base colour, nearest first.</summary>
    private static readonly (double L, double Hue)[] Steps =
    [
        (-16, 0), (16, 0), (0, 30), (0, -30), (-16, 30), (16, -30), (-16, -30), (16, 30),
        (-30, 0), (30, 0), (0, 60), (0, -60), (-30, 45), (30, -45), (-30, -45), (30, 45),
    ];

    private static readonly MarkerShape[] Markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
        MarkerShape.OpenDiamond, MarkerShape.OpenTriangleDown, MarkerShape.Cross, MarkerShape.Eks,
    ];

    private readonly Dictionary<VariantSetting, (Color Colour, MarkerShape Marker)> _styles;
    private readonly VariantStyles _variants;

    private SettingPalette(Dictionary<VariantSetting, (Color, MarkerShape)> styles, VariantStyles variants)
    {
        _styles = styles;
        _variants = variants;
    }

    /// <summary>The palette of every setting <paramref name="set"/> ran, in plan order.</summary>
    public static SettingPalette From(RunSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return OfSets.Of(set);
    }

    private static readonly PerRunSet<SettingPalette> OfSets = new(set => Of(set.Rows.Select(VariantSetting.From).Distinct().ToList(), VariantStyles.From(set)));

    /// <summary>The palette of <paramref name="settings"/> (in the order given) over the base colours of <paramref name="variants"/>.</summary>
    /// <remarks>Each variant's first setting is placed first, in variant order, so every variant can claim its base
    /// colour before the shades of another variant's sweep take room; then the other settings in order.</remarks>
    public static SettingPalette Of(IReadOnlyList<VariantSetting> settings, VariantStyles variants)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(variants);
        var firsts = settings.GroupBy(s => s.Variant).Select(g => g.First()).ToList();
        var order = firsts.Concat(settings.Except(firsts)).ToList();
        var index = new Dictionary<VariantSetting, int>();
        for (int i = 0; i < settings.Count; i++)
        {
            index.TryAdd(settings[i], i);
        }

        var taken = new List<(LabColour Normal, LabColour Deuteranope)>();
        var styles = new Dictionary<VariantSetting, (Color, MarkerShape)>();
        // Past the searched settings each colour is a candidate of its variant's base; a sweep's thousands of settings
        // share a few bases, so their candidates are computed once per base.
        var cycled = new Dictionary<Color, List<Color>>();
        for (int n = 0; n < order.Count; n++)
        {
            var setting = order[n];
            var baseColour = variants.ColourOf(setting.Variant);
            Color colour;
            if (n < SearchedSettings)
            {
                colour = Choose(baseColour, taken);
                taken.Add((LabColour.Of(colour), LabColour.OfDeuteranope(colour)));
            }
            else
            {
                if (!cycled.TryGetValue(baseColour, out var candidates))
                {
                    candidates = [.. Candidates(baseColour)];
                    cycled.Add(baseColour, candidates);
                }

                colour = candidates[n % candidates.Count];
            }

            styles[setting] = (colour, Markers[index[setting] % Markers.Length]);
        }

        return new SettingPalette(styles, variants);
    }

    /// <summary>The colour of <paramref name="setting"/>; its variant's base colour for a setting the run set did not run.</summary>
    public Color ColourOf(VariantSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return _styles.TryGetValue(setting, out var style) ? style.Colour : _variants.ColourOf(setting.Variant);
    }

    /// <summary>The marker of <paramref name="setting"/>.</summary>
    public MarkerShape MarkerOf(VariantSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return _styles.TryGetValue(setting, out var style) ? style.Marker : Markers[0];
    }

    /// <summary>The first candidate from <paramref name="baseColour"/> at least <see cref="MinimumDeltaE"/> from every
    /// taken colour (<see cref="MinimumDeltaEDeuteranope"/> as a deuteranope sees them); else, from the base's candidates
    /// and an even spread of hues, the one farthest from them in units of those minimums.</summary>
    private static Color Choose(Color baseColour, List<(LabColour Normal, LabColour Deuteranope)> taken)
    {
        var candidates = Candidates(baseColour).ToList();
        foreach (var candidate in candidates)
        {
            if (Margin(candidate, taken) >= 1)
            {
                return candidate;
            }
        }

        return candidates.MaxBy(c => Margin(c, taken));
    }

    /// <summary>The base colour exactly as declared, then its steps and hues all round at three lightnesses (kept within
    /// the usable lightness); as bytes, so that distances are measured on the colours drawn.</summary>
    private static IEnumerable<Color> Candidates(Color declared)
    {
        yield return declared;
        var baseColour = LabColour.Of(declared);
        double chroma = Math.Max(baseColour.Chroma, 35);
        foreach (var (l, hue) in Steps)
        {
            yield return At(baseColour.L + l, chroma, baseColour.Hue + hue);
        }

        foreach (double l in new[] { 50.0, 35, 65 })
        {
            for (int hue = 0; hue < 360; hue += 15)
            {
                yield return At(l, 60, baseColour.Hue + hue);
            }
        }
    }

    private static Color At(double l, double chroma, double hue) =>
        LabColour.FromLch(Math.Clamp(l, DarkestL, LightestL), chroma, (hue + 360) % 360).ToColor();

    /// <summary>The smallest distance to a taken colour over its minimum, normal or deuteranope vision; 1 or more is enough.</summary>
    private static double Margin(Color colour, List<(LabColour Normal, LabColour Deuteranope)> taken)
    {
        var normal = LabColour.Of(colour);
        var deuteranope = LabColour.OfDeuteranope(colour);
        return taken.Count == 0
            ? double.PositiveInfinity
            : taken.Min(t => Math.Min(normal.DeltaE(t.Normal) / MinimumDeltaE, deuteranope.DeltaE(t.Deuteranope) / MinimumDeltaEDeuteranope));
    }
}
