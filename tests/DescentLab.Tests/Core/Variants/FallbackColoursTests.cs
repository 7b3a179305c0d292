using DescentLab.Core.Variants;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Variants;

public sealed class FallbackColoursTests
{
    [Test]
    public void Fill_Undeclared_FirstFreeColourOfItsFamily_DeclaredOnesReservedFirst()
    {
        string first = FallbackColours.All[0];
        string second = FallbackColours.All[1];
        string third = FallbackColours.All[2];

        // The second variant declares the second fallback colour (in upper case): the undeclared ones before and after it
        // in its family skip it; another family starts again from the first colour.
        var colours = FallbackColours.Fill([("external", null), ("external", second.ToUpperInvariant()), ("external", null), ("mine", null), ("external", "#0072b2")]);

        Assert.That(colours, Is.EqualTo(new[] { first, second.ToUpperInvariant(), third, first, "#0072b2" }));
    }

    [Test]
    public void Fill_MoreUndeclaredThanColours_ReusesThemInOrder()
    {
        var many = Enumerable.Repeat(("external", (string?)null), FallbackColours.All.Count + 2).ToList();

        var colours = FallbackColours.Fill(many);

        Assert.That(colours.Take(FallbackColours.All.Count), Is.EqualTo(FallbackColours.All));
        Assert.That(colours.Skip(FallbackColours.All.Count), Is.EqualTo(FallbackColours.All.Take(2)));
    }

    [Test]
    public void All_AreDistinct_NotBlack_AndUnlikeEveryBuiltInColour()
    {
        Assert.That(FallbackColours.All, Is.Unique);
        Assert.That(FallbackColours.All, Has.None.EqualTo("#000000"));
        Assert.That(FallbackColours.All, Has.All.Match("^#[0-9a-f]{6}$"));
        Assert.That(FallbackColours.All.Intersect(VariantCatalog.All.Select(v => v.Colour)), Is.Empty);
    }
}
