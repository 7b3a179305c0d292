using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

/// <summary>The family and colour a plug-in or an external process declares: known families, families of their own,
/// near-misses and malformed colours.</summary>
public sealed class DeclaredStyleTests
{
    private const string Known = "known families: plain gradient descent, momentum, adaptive, line search, or a name of your own that is not this close to one of them";

    [TestCase(VariantFamily.Adaptive)]
    [TestCase(VariantFamily.LineSearch)]
    [TestCase("sign descent")]
    [TestCase("external")]
    [TestCase("adaptive (mine)")]
    [TestCase("momentum-free")]
    public void FamilyError_KnownOrOwnFamily_IsNone(string family)
    {
        Assert.That(DeclaredStyle.FamilyError(family), Is.Null);
    }

    [TestCase("Adaptive", "unknown family 'Adaptive' (did you mean 'adaptive'?); " + Known)]
    [TestCase("line_search", "unknown family 'line_search' (did you mean 'line search'?); " + Known)]
    [TestCase("momentun", "unknown family 'momentun' (did you mean 'momentum'?); " + Known)]
    [TestCase("", "family must not be empty")]
    [TestCase(" ", "family must not be empty")]
    [TestCase(" mine", "family ' mine' must be at most 40 characters, without control characters or outer spaces")]
    [TestCase("a\tb", "family 'a\tb' must be at most 40 characters, without control characters or outer spaces")]
    [TestCase("a family name that goes on far too long to be a title", "family 'a family name that goes on far too long to be a title' must be at most 40 characters, without control characters or outer spaces")]
    public void FamilyError_NearMissOrMalformed_SaysWhy(string family, string expected)
    {
        Assert.That(DeclaredStyle.FamilyError(family), Is.EqualTo(expected));
    }

    [TestCase("#e6550d", null)]
    [TestCase("#E6550D", null)]
    [TestCase("red", "colour must be '#rrggbb' (six hex digits), got 'red'")]
    [TestCase("#e6550", "colour must be '#rrggbb' (six hex digits), got '#e6550'")]
    [TestCase("#e6550dff", "colour must be '#rrggbb' (six hex digits), got '#e6550dff'")]
    [TestCase("e6550d", "colour must be '#rrggbb' (six hex digits), got 'e6550d'")]
    public void ColourError_OnlySixHexDigits(string colour, string? expected)
    {
        Assert.That(DeclaredStyle.ColourError(colour), Is.EqualTo(expected));
    }
}
