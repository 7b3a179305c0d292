using DescentLab.Core.Variants;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Plots;

public sealed class VariantFamiliesTests
{
    [Test]
    public void Panels_LargeFamily_SplitIntoPanelsOfAtMostSix_SweepsKeptTogether()
    {
        string[] items = ["sgd", "batch", "sgd", "batch", "sgd", "batch", "minibatch", "fixed_step", "adam", "momentum"];

        var panels = VariantFamilies.Panels(items, v => v, VariantStyles.BuiltIn);

        Assert.Multiple(() =>
        {
            Assert.That(panels.Select(p => p.Title), Is.EqualTo(new[] { "plain gradient descent (1/2)", "plain gradient descent (2/2)", "momentum", "adaptive" }));
            Assert.That(panels.Select(p => string.Join(",", p.Items)), Is.EqualTo(new[] { "sgd,sgd,sgd", "batch,batch,batch,minibatch,fixed_step", "momentum", "adam" }));
        });
    }

    [Test]
    public void Panels_OneVariantWithMoreThanSixSettings_SplitEvenly()
    {
        var items = Enumerable.Repeat("sgd", 8).Append("batch").ToList();

        var panels = VariantFamilies.Panels(items, v => v, VariantStyles.BuiltIn);

        Assert.That(panels.Select(p => p.Items.Count), Is.EqualTo(new[] { 4, 5 }));
    }

    [TestCaseSource(typeof(VariantCatalog), nameof(VariantCatalog.All))]
    public void EveryCatalogVariant_HasAFamilyAndItsOwnColour(IVariant variant)
    {
        var styles = VariantStyles.BuiltIn;
        var others = VariantCatalog.All.Where(v => v.Name != variant.Name && styles.FamilyOf(v.Name) == styles.FamilyOf(variant.Name));
        Assert.Multiple(() =>
        {
            Assert.That(styles.FamilyOf(variant.Name), Is.EqualTo(variant.Family));
            Assert.That(styles.ColourOf(variant.Name), Is.EqualTo(ScottPlot.Color.FromHex(variant.Colour)));
            Assert.That(others.Select(v => styles.ColourOf(v.Name)), Has.None.EqualTo(styles.ColourOf(variant.Name)));
        });
    }

    [Test]
    public void Shades_OneVariantSweep_LightToDarkByLr_OtherVariantsKeepTheirColour()
    {
        VariantSetting[] items = [Setting("sgd", 0.1), Setting("sgd", 0.01), Setting("sgd", 10), Setting("adam", 0.05)];

        var colours = PanelShades.Of(items, s => s, VariantStyles.BuiltIn);
        var lightness = items.Take(3).Select(s => colours[s]).Select(c => c.R + c.G + c.B).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(colours.Values.Distinct().Count(), Is.EqualTo(4));
            Assert.That(colours[items[3]], Is.EqualTo(VariantStyles.BuiltIn.ColourOf("adam")));
            Assert.That(lightness[1], Is.GreaterThan(lightness[0]), "lr 0.01 lighter than 0.1");
            Assert.That(lightness[0], Is.GreaterThan(lightness[2]), "lr 0.1 lighter than 10");
        });
    }

    private static VariantSetting Setting(string variant, double lr) => new(variant, lr, null, null, false, HyperValues.Empty);
}
