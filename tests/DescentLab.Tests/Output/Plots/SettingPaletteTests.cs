using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The colours of a report's settings, read back from the plot objects of every figure of the nightly and of
/// every lesson: distinct on every shared axis, and one colour per setting across all figures.</summary>
public sealed class SettingPaletteTests
{
    /// <summary>The lesson run sets, trained once for every test here (a few runs each).</summary>
    private static readonly Dictionary<string, RunSet> Lessons = new(StringComparer.Ordinal);

    [TestCaseSource(nameof(Configs))]
    public void EveryFigure_SettingsOnOneAxis_DifferByAtLeastDeltaE15_DeuteranopeDeltaE10_AndKeepOneColourAcrossFigures(string config)
    {
        var set = SetOf(config);
        var palette = SettingPalette.From(set);
        var settings = set.Rows.Select(VariantSetting.From).Distinct().ToList();
        var variants = settings.Select(s => s.Variant).ToHashSet(StringComparer.Ordinal);
        var worst = (DeltaE: double.PositiveInfinity, Where: string.Empty);
        var worstDeuteranope = (DeltaE: double.PositiveInfinity, Where: string.Empty);
        int sharedAxes = 0;
        int keysChecked = 0;
        // The trend draws history's series, not this run set's settings.
        foreach (var plot in DefaultPlots.All.Where(p => p is not TrendPlot))
        {
            foreach (var request in plot.Plan(set))
            {
                using var figure = request.Draw();
                foreach (var (panel, index) in figure.Panels.Select((p, i) => (p, i)))
                {
                    string where = $"{config} {request.File.RelativePath} panel {index}";
                    var keys = Keys(panel, variants);
                    sharedAxes += keys.Count > 1 ? 1 : 0;
                    for (int i = 0; i < keys.Count; i++)
                    {
                        if (SettingOf(keys[i].Label, settings) is { } setting)
                        {
                            // RGB only, and to the eye (ΔE < 1): a faint joining line (the cost plot's steps) is the same colour,
                            // half transparent, which ScottPlot may round by one step per channel.
                            Assert.That(ColourDifference.DeltaE(Rgb(keys[i].Colour), Rgb(palette.ColourOf(setting))), Is.LessThan(1), $"{where}: {keys[i].Label} keeps its report colour");
                            keysChecked++;
                        }

                        for (int j = i + 1; j < keys.Count; j++)
                        {
                            double d = ColourDifference.DeltaE(Rgb(keys[i].Colour), Rgb(keys[j].Colour));
                            if (d < worst.DeltaE)
                            {
                                worst = (d, $"{where}: {keys[i].Label} vs {keys[j].Label}");
                            }

                            double dd = ColourDifference.DeltaE(Rgb(keys[i].Colour), Rgb(keys[j].Colour), deuteranopia: true);
                            if (dd < worstDeuteranope.DeltaE)
                            {
                                worstDeuteranope = (dd, $"{where}: {keys[i].Label} vs {keys[j].Label}");
                            }
                        }
                    }
                }
            }
        }

        Assert.That(keysChecked, Is.GreaterThan(0), "some figure draws a setting");
        if (config == "nightly.yaml")
        {
            // Lesson 7 puts its two variants in different family panels; the nightly shares axes between settings.
            Assert.That(sharedAxes, Is.GreaterThan(0), "some axis carries two settings");
        }
        Assert.That(worst.DeltaE, Is.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaE), worst.Where);
        Assert.That(worstDeuteranope.DeltaE, Is.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaEDeuteranope), "simulated deuteranopia: " + worstDeuteranope.Where);
    }

    [Test]
    public void Of_TwoVariantsDeclaringOneColour_FirstKeepsIt_SecondMovesAtLeastDeltaE15()
    {
        var styles = VariantStyles.Of([("batch", null, null), ("adam", null, null)]);
        VariantSetting batch = new("batch", 0.1, null, null, false, HyperValues.Empty);
        VariantSetting adam = new("adam", 0.1, null, null, false, HyperValues.Empty);

        var palette = SettingPalette.Of([batch, adam, batch with { Lr = 0.3 }], styles);

        Assert.Multiple(() =>
        {
            Assert.That(styles.ColourOf("batch"), Is.EqualTo(styles.ColourOf("adam")), "the catalog gives both #0072b2");
            Assert.That(palette.ColourOf(batch), Is.EqualTo(styles.ColourOf("batch")));
            Assert.That(ColourDifference.DeltaE(Rgb(palette.ColourOf(adam)), Rgb(palette.ColourOf(batch))), Is.GreaterThanOrEqualTo(15));
            Assert.That(ColourDifference.DeltaE(Rgb(palette.ColourOf(batch with { Lr = 0.3 })), Rgb(palette.ColourOf(adam))), Is.GreaterThanOrEqualTo(15));
            Assert.That(palette.MarkerOf(batch), Is.Not.EqualTo(palette.MarkerOf(batch with { Lr = 0.3 })));
        });
    }

    [Test]
    public void Of_PastTheSearchedSettings_ASettingsColourDependsOnlyOnItsVariantAndPlace()
    {
        // A sweep of thousands of settings cycles through each variant's own shades past the searched ones: a setting of
        // sgd placed among momentum's settings takes the colour it takes at the same place among sgd's alone.
        var styles = VariantStyles.Of([("sgd", null, null), ("momentum", null, null)]);
        const int Count = 400;
        var mixed = Enumerable.Range(0, Count).Select(n => Setting(n % 2 == 0 ? "sgd" : "momentum", n)).ToList();

        var palette = SettingPalette.Of(mixed, styles);

        Assert.That(styles.ColourOf("sgd"), Is.Not.EqualTo(styles.ColourOf("momentum")));
        foreach (string variant in new[] { "sgd", "momentum" })
        {
            var alone = SettingPalette.Of([.. Enumerable.Range(0, Count).Select(n => Setting(variant, n))], styles);
            var places = Enumerable.Range(SettingPalette.SearchedSettings, Count - SettingPalette.SearchedSettings).Where(n => mixed[n].Variant == variant).ToList();
            Assert.That(places.Select(n => palette.ColourOf(mixed[n])), Is.EqualTo(places.Select(n => alone.ColourOf(Setting(variant, n)))), variant);
        }

        static VariantSetting Setting(string variant, int n) => new(variant, (n + 1) * 1e-4, null, null, false, HyperValues.Empty);
    }

    /// <summary>The nightly and every lesson config shipped.</summary>
    private static IEnumerable<string> Configs() =>
        new[] { "nightly.yaml" }.Concat(Directory.GetFiles(RepoFiles.Config("lessons"), "*.yaml").Order(StringComparer.Ordinal).Select(f => "lessons/" + Path.GetFileName(f)));

    internal static RunSet SetOf(string config)
    {
        if (config == "nightly.yaml")
        {
            return TestRunSets.Nightly;
        }

        lock (Lessons)
        {
            if (!Lessons.TryGetValue(config, out var set))
            {
                var loaded = ConfigLoader.Load(RepoFiles.Config(config), ConfigLimits.Default);
                Assert.That(loaded.Errors, Is.Empty, config);
                set = TestRunSets.Run(loaded.Config!, resolveConfig: true);
                Lessons.Add(config, set);
            }

            return set;
        }
    }

    /// <summary>What a reader matches against a legend on this axis: each drawn line or point set whose legend names a
    /// variant of the run set, and each legend-only entry (a run with nothing to draw).</summary>
    private static List<(string Label, Color Colour)> Keys(Plot panel, HashSet<string> variants)
    {
        var drawn = panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).Select(s => (s.LegendText, s.Color));
        var manual = panel.Legend.ManualItems.Select(i => (i.LabelText, i.LineColor));
        return [.. drawn.Concat(manual).Where(k => variants.Contains(k.Item1.Split(' ')[0])).DistinctBy(k => k.Item1)];
    }

    /// <summary>The setting whose label starts the legend text (followed by its end or a space), longest first.</summary>
    private static VariantSetting? SettingOf(string legend, IReadOnlyList<VariantSetting> settings) =>
        settings.Where(s => legend == s.Label || legend.StartsWith(s.Label + " ", StringComparison.Ordinal)).MaxBy(s => s.Label.Length);

    private static (byte R, byte G, byte B) Rgb(Color c) => (c.R, c.G, c.B);
}
