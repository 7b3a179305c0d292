using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>Plug-in and external variants are drawn in the family and colour they declare, an undeclared one in a colour
/// of its own in its panel, and a manifest without the fields still renders.</summary>
[NonParallelizable]
public sealed class VariantStylesTests
{
    private static readonly string Fake = Path.Combine(AppContext.BaseDirectory, "Experiments", "External", "fake_optimizer.py");

    private static readonly Lazy<RunSet> LazySet = new(Train);

    private static RunSet Set => LazySet.Value;

    [Test]
    public void Convergence_PluginAndExternalVariants_InTheirDeclaredFamilyAndColour()
    {
        var lines = Lines(Set);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Keys, Is.EquivalentTo(new[] { "plain gradient descent", VariantFamily.Adaptive, ExternalVariantFamily, "sign descent" }));
            // A declared colour is kept unless an earlier setting is too close (adam shares #0072b2 with batch and momentum).
            Assert.That(lines[VariantFamily.Adaptive].Select(l => l.Variant), Is.EqualTo(new[] { "adam_copy", "adam", "fake_styled" }));
            Assert.That(lines[VariantFamily.Adaptive][0].Colour, Is.EqualTo(Hex("#6b6ecf")));
            var adaptive = lines[VariantFamily.Adaptive].Select(l => Rgb(l.Colour)).ToList();
            Assert.That(adaptive.SelectMany((a, i) => adaptive.Skip(i + 1).Select(b => ColourDifference.DeltaE(a, b))), Has.All.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaE));

            // Undeclared: a fallback colour of its own in its panel, never black.
            Assert.That(lines[ExternalVariantFamily], Is.EqualTo(new[] { ("fake_good", Hex(FallbackColours.All[0])), ("fake_evaluate", Hex(FallbackColours.All[1])) }));
            // Its panel's fallback colour is fake_good's too, which the plan reached first: on a shared axis it moves.
            Assert.That(lines["sign descent"].Single().Variant, Is.EqualTo("fake_own_family"));
            Assert.That(ColourDifference.DeltaE(Rgb(lines["sign descent"][0].Colour), Rgb(Hex(FallbackColours.All[0]))), Is.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaE));
            // batch declares adam's #0072b2 too (and so does momentum, placed first here): the two differ by at least the palette's minimum.
            Assert.That(lines["plain gradient descent"].Single().Variant, Is.EqualTo("batch"));
            var batch = Rgb(lines["plain gradient descent"][0].Colour);
            var adam = Rgb(lines[VariantFamily.Adaptive][1].Colour);
            Assert.That(ColourDifference.DeltaE(batch, adam), Is.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaE));
        });
    }

    [Test]
    public void Manifest_RoundTrip_KeepsFamilyColourAndOrigin_AndDrawsTheSame()
    {
        using var folder = new TempFolder();
        using (var writer = new StreamWriter(folder.PathOf("manifest.json")))
        {
            ManifestJson.Write(writer, Set.Manifest, folder.PathOf("manifest.json"));
        }

        var read = ManifestJson.Read(folder.PathOf("manifest.json"));

        Assert.That(Bits.OfEach(read.ResolvedConfig.Variants), Is.EqualTo(Bits.OfEach(Set.Manifest.ResolvedConfig.Variants)));
        Assert.That(read.ResolvedConfig.Variants.Select(v => (v.Name, v.Family, v.Colour)), Has.Member(("fake_good", ExternalVariantFamily, FallbackColours.All[0])));
        Assert.That(Lines(Set with { Manifest = read }), Is.EqualTo(Lines(Set)));
    }

    [Test]
    public void Convergence_ManifestWithoutTheFields_BuiltInsFromTheCatalog_OthersInOtherWithDistinctColours()
    {
        var variants = Set.Manifest.ResolvedConfig.Variants.Select(v => v with { Family = null, Colour = null }).ToList();
        var old = Set with { Manifest = Set.Manifest with { ResolvedConfig = Set.Manifest.ResolvedConfig with { Variants = variants } } };

        var lines = Lines(old);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Keys, Is.EqualTo(new[] { "plain gradient descent", VariantFamily.Adaptive, VariantStyles.OtherFamily }));
            Assert.That(lines[VariantFamily.Adaptive], Is.EqualTo(new[] { ("adam", Hex("#0072b2")) }));
            Assert.That(lines[VariantStyles.OtherFamily].Select(l => l.Variant), Is.EqualTo(new[] { "adam_copy", "fake_styled", "fake_good", "fake_evaluate", "fake_own_family" }));
            // The fallback colours, each moved only where it comes too close to a colour handed out before it.
            var others = lines[VariantStyles.OtherFamily].Select(l => Rgb(l.Colour)).ToList();
            Assert.That(others[0], Is.EqualTo(Rgb(Hex(FallbackColours.All[0]))));
            Assert.That(others.SelectMany((a, i) => others.Skip(i + 1).Select(b => ColourDifference.DeltaE(a, b))), Has.All.GreaterThanOrEqualTo(SettingPalette.MinimumDeltaE));
            Assert.That(others, Has.None.EqualTo(Rgb(Colors.Black)));
        });
    }

    [Test]
    public void Of_NamesNothingDescribes_OtherFamily_DistinctColoursNotBlack()
    {
        var styles = VariantStyles.Of([("lion", null, null), ("adam", null, null), ("py_adam", null, null), ("mine", "mine", null)]);

        Assert.Multiple(() =>
        {
            Assert.That(styles.FamilyOf("adam"), Is.EqualTo(VariantFamily.Adaptive));
            Assert.That(styles.ColourOf("adam"), Is.EqualTo(Hex("#0072b2")));
            Assert.That(new[] { styles.FamilyOf("lion"), styles.FamilyOf("py_adam"), styles.FamilyOf("never_seen") }, Has.All.EqualTo(VariantStyles.OtherFamily));
            Assert.That(new[] { styles.ColourOf("lion"), styles.ColourOf("py_adam") }, Is.EqualTo(new[] { Hex(FallbackColours.All[0]), Hex(FallbackColours.All[1]) }));
            Assert.That(styles.ColourOf("mine"), Is.EqualTo(Hex(FallbackColours.All[0])), "its own family's panel");
            Assert.That(styles.ColourOf("never_seen"), Is.Not.EqualTo(Colors.Black));
        });
    }

    private const string ExternalVariantFamily = "external";

    private static Color Hex(string hex) => Color.FromHex(hex);

    private static (byte R, byte G, byte B) Rgb(Color c) => (c.R, c.G, c.B);

    /// <summary>Each panel's family (its title before the problem) with its lines' variants and colours, in drawing order.</summary>
    private static Dictionary<string, (string Variant, Color Colour)[]> Lines(RunSet set)
    {
        using var figure = new ConvergencePlot().Plan(set).Single().Draw();
        return figure.Panels.ToDictionary(
            p => p.Axes.Title.Label.Text.Split(':')[0],
            p => p.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).Select(s => (s.LegendText.Split(' ')[0], s.Color)).ToArray());
    }

    private static RunSet Train()
    {
        using var temp = new TempFolder();
        File.Copy(Fake, temp.PathOf("fake.py"));
        string path = temp.Write("styles.yaml", $"""
            name: styles
            seeds: [1]
            plugins: [{PluginPaths.TestPlugins}]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants:
              - adam_copy: {"{ lr: 0.05 }"}
              - adam: {"{ lr: 0.05 }"}
              - external: {"{ command: [python3, fake.py, styled] }"}
              - external: {"{ command: [python3, fake.py, good] }"}
              - external: {"{ command: [python3, fake.py, evaluate] }"}
              - external: {"{ command: [python3, fake.py, own_family] }"}
              - batch
            stop: {"{ max_epochs: 3 }"}
            """);
        var loaded = ConfigLoader.Load(path, ConfigLimits.Default);
        Assert.That(loaded.Errors, Is.Empty);
        return TestRunSets.Run(loaded.Config!, resolveConfig: true);
    }
}
