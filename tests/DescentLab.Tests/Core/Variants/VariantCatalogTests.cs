using DescentLab.Core.Variants;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Variants;

/// <summary>Properties every catalog variant must have, so a new variant is tested without editing tests.</summary>
public sealed class VariantCatalogTests
{
    public static IEnumerable<IVariant> Variants() => VariantCatalog.All;

    [TestCaseSource(nameof(Variants))]
    public void Variant_Always_HasNameDescriptionAndValidDefaults(IVariant variant)
    {
        Assert.Multiple(() =>
        {
            Assert.That(variant.Name, Does.Match("^[a-z0-9_]+$"));
            Assert.That(variant.Description, Is.Not.Empty.And.Not.WhiteSpace);
            Assert.That(variant.Colour, Does.Match("^#[0-9a-f]{6}$"));
            Assert.That(VariantFamily.Order, Does.Contain(variant.Family));
            Assert.That(VariantCatalog.Find(variant.Name), Is.SameAs(variant));
            Assert.That(variant.Parameters.Select(p => p.Name), Is.Unique);
            foreach (var parameter in variant.Parameters)
            {
                Assert.That(parameter.Description, Is.Not.Empty, $"{variant.Name}.{parameter.Name}");
                Assert.That(parameter.Accepts(parameter.Default), Is.True, $"{variant.Name}.{parameter.Name}");
            }
        });
    }

    [TestCaseSource(nameof(Variants))]
    public void Resolve_NothingGiven_FillsEveryDefault(IVariant variant)
    {
        var resolved = HyperParameters.Resolve(variant, new Dictionary<string, double>());

        Assert.That(resolved.Values, Is.EquivalentTo(variant.Parameters.ToDictionary(p => p.Name, p => p.Default)));
    }

    [TestCaseSource(nameof(Variants))]
    public void Resolve_UnknownName_Throws(IVariant variant)
    {
        Assert.That(() => HyperParameters.Resolve(variant, new Dictionary<string, double> { ["bogus"] = 1 }), Throws.ArgumentException.With.Message.Contains("bogus"));
    }

    [Test]
    public void Resolve_OutOfRange_ThrowsWithInvariantNumbers()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(
                () => HyperParameters.Resolve(CoreRuns.Variant("adam"), new Dictionary<string, double> { ["beta1"] = 1.5 }),
                Throws.ArgumentException.With.Message.EqualTo("adam.beta1 = 1.5 is outside [0, 1)."));
            Assert.That(
                () => HyperParameters.Resolve(CoreRuns.Variant("sgd"), new Dictionary<string, double> { ["lr"] = double.NaN }),
                Throws.ArgumentException.With.Message.EqualTo("sgd.lr = NaN is outside (0, inf)."));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Test]
    public void Catalog_Names_AreUniqueAndCoverSpec6()
    {
        Assert.That(
            VariantCatalog.All.Select(v => v.Name),
            Is.EqualTo(new[] { "closed_form", "batch", "sgd", "minibatch", "fixed_step", "rosenblatt", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "line_search" }));
        Assert.That(VariantCatalog.Find("newton"), Is.Null);
    }

    [Test]
    public void Defaults_AreTheSpecsAndTorchs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Defaults("momentum"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 0.1, ["momentum"] = 0.9 }));
            Assert.That(Defaults("nesterov"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 0.1, ["momentum"] = 0.9 }));
            Assert.That(Defaults("adagrad"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 0.01, ["eps"] = 1e-10 }));
            Assert.That(Defaults("rmsprop"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 0.01, ["alpha"] = 0.99, ["eps"] = 1e-8 }));
            Assert.That(Defaults("adam"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 0.001, ["beta1"] = 0.9, ["beta2"] = 0.999, ["eps"] = 1e-8 }));
            Assert.That(Defaults("line_search"), Is.EquivalentTo(new Dictionary<string, double> { ["lr"] = 1.0 }));
            Assert.That(CoreRuns.Variant("sgd").BatchMode, Is.EqualTo(BatchMode.One));
            Assert.That(CoreRuns.Variant("rosenblatt").BatchMode, Is.EqualTo(BatchMode.One));
            Assert.That(CoreRuns.Variant("batch").BatchMode, Is.EqualTo(BatchMode.All));
            Assert.That(CoreRuns.Variant("minibatch").DefaultBatch, Is.EqualTo(10));
            Assert.That(CoreRuns.Variant("adam").DefaultBatch, Is.Null);
        });
    }

    [Test]
    public void ClosedForm_SupportsOnlyModelsWithANormalEquation()
    {
        var closedForm = CoreRuns.Variant("closed_form");

        Assert.Multiple(() =>
        {
            Assert.That(closedForm.Supports(CoreRuns.Model("origin")), Is.True);
            Assert.That(closedForm.Supports(CoreRuns.Model("affine")), Is.True);
            Assert.That(closedForm.Supports(CoreRuns.Model("logistic")), Is.False);
            Assert.That(CoreRuns.Variant("adam").Supports(CoreRuns.Model("logistic")), Is.True);
        });
    }

    [Test]
    public void HyperParameter_Range_IsIntervalNotation()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HyperParameter.Positive("lr", 0.1, "x").Range, Is.EqualTo("(0, inf)"));
            Assert.That(HyperParameter.Fraction("beta", 0.9, "x").Range, Is.EqualTo("[0, 1)"));
            Assert.That(HyperParameter.Fraction("beta", 0.9, "x").Accepts(0), Is.True);
            Assert.That(HyperParameter.Fraction("beta", 0.9, "x").Accepts(1), Is.False);
            Assert.That(HyperParameter.Positive("lr", 0.1, "x").Accepts(double.PositiveInfinity), Is.False);
        });
    }

    private static IReadOnlyDictionary<string, double> Defaults(string name) =>
        HyperParameters.Resolve(CoreRuns.Variant(name), new Dictionary<string, double>()).Values;
}
