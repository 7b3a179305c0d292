using DescentLab.Core.Variants;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
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

    [Test]
    public void Panels_SampledSweep_SayWhatTheyLeaveOut_InTheAltTextsTitle_AndOnTheFiguresSecondLine()
    {
        var items = Enumerable.Range(0, 40).Select(i => $"sgd#{i}").Append("batch#0").ToList();

        var panels = VariantFamilies.Panels(items, i => i.Split('#')[0], VariantStyles.BuiltIn);

        Assert.Multiple(() =>
        {
            Assert.That(panels.Select(p => p.Items.Count), Is.EqualTo(new[] { 6, 6, 1 }), "12 of the 40 sgd settings in two panels, then batch");
            Assert.That(panels.Select(p => p.Sampled), Has.All.EqualTo("sgd: 12 of 40 settings"));
            Assert.That(panels[0].FullTitle, Is.EqualTo("plain gradient descent (1/3) [sgd: 12 of 40 settings]"));
            Assert.That(panels[0].FigureTitle("beans1 n=100"), Is.EqualTo("plain gradient descent (1/3): beans1 n=100\n[sgd: 12 of 40 settings]"));
            Assert.That(VariantFamilies.Panels(["sgd", "batch"], v => v, VariantStyles.BuiltIn).Single().FigureTitle("beans1"), Is.EqualTo("plain gradient descent: beans1"));
        });
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
    public void Palette_OneVariantSweep_FirstSettingKeepsTheBaseColour_EveryPairAtLeastDeltaE15Apart()
    {
        VariantSetting[] items = [Setting("sgd", 0.1), Setting("sgd", 0.01), Setting("sgd", 10), Setting("adam", 0.05)];

        var palette = SettingPalette.Of(items, VariantStyles.BuiltIn);
        var colours = items.Select(palette.ColourOf).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(colours[0], Is.EqualTo(VariantStyles.BuiltIn.ColourOf("sgd")));
            for (int i = 0; i < colours.Count; i++)
            {
                for (int j = i + 1; j < colours.Count; j++)
                {
                    Assert.That(ColourDifference.DeltaE((colours[i].R, colours[i].G, colours[i].B), (colours[j].R, colours[j].G, colours[j].B)), Is.GreaterThanOrEqualTo(15), $"{items[i].Label} vs {items[j].Label}");
                }
            }
        });
    }

    private static VariantSetting Setting(string variant, double lr) => new(variant, lr, null, null, false, HyperValues.Empty);
}
