using DescentLab.Core.Datasets;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Datasets;

/// <summary>Properties every catalog recipe must have (docs/recipes.md), so a new recipe is tested without editing tests.</summary>
public sealed class RecipeCatalogTests
{
    public static IEnumerable<IRecipe> Recipes() => RecipeCatalog.All;

    [TestCaseSource(nameof(Recipes))]
    public void Recipe_Always_HasNameAndDescription(IRecipe recipe)
    {
        Assert.Multiple(() =>
        {
            Assert.That(recipe.Name, Does.Match("^[a-z0-9_]+$"));
            Assert.That(recipe.Description, Is.Not.Empty.And.Not.WhiteSpace);
            Assert.That(RecipeCatalog.Find(recipe.Name), Is.SameAs(recipe));
        });
    }

    [TestCaseSource(nameof(Recipes))]
    public void Generate_AnyN_HasTheStatedDimensionAndCount(IRecipe recipe)
    {
        foreach (int n in new[] { 1, 2, 7, 100 })
        {
            var data = recipe.Generate(n, 3);
            Assert.Multiple(() =>
            {
                Assert.That(data.Dimension, Is.EqualTo(recipe.Dimension));
                Assert.That(data.Count, Is.EqualTo(n));
                Assert.That(data.X1, Has.Length.EqualTo(n));
                Assert.That(data.X2, Has.Length.EqualTo(recipe.Dimension == 2 ? n : 0));
                Assert.That(data.Y, Has.Length.EqualTo(n));
                Assert.That(data.Identity.Recipe, Is.EqualTo(recipe.Name));
                Assert.That(data.Identity.Seed, Is.EqualTo(3UL));
                Assert.That(data.Identity.N, Is.EqualTo(n));
            });
        }
    }

    [TestCaseSource(nameof(Recipes))]
    public void Generate_SameSeed_IsIdentical_DifferentSeed_Differs(IRecipe recipe)
    {
        var a = recipe.Generate(50, 11);
        var b = recipe.Generate(50, 11);
        var c = recipe.Generate(50, 12);

        Assert.Multiple(() =>
        {
            Assert.That(b.Identity.ContentHash, Is.EqualTo(a.Identity.ContentHash));
            Assert.That(b.X1, Is.EqualTo(a.X1));
            Assert.That(c.Identity.ContentHash, Is.Not.EqualTo(a.Identity.ContentHash));
        });
    }

    [TestCaseSource(nameof(Recipes))]
    public void Generate_Values_AreFiniteAndInTheRecipesRange(IRecipe recipe)
    {
        var data = recipe.Generate(1000, 5);

        Assert.Multiple(() =>
        {
            Assert.That(data.X1, Is.All.InRange(0.0, 2.0));
            Assert.That(data.X2, Is.All.InRange(0.0, 2.0));
            Assert.That(data.Y.All(double.IsFinite), Is.True);
        });
    }

    [Test]
    public void Catalog_Names_AreUniqueAndInSpecOrder()
    {
        var names = RecipeCatalog.All.Select(r => r.Name).ToArray();

        Assert.That(names, Is.EqualTo(new[] { "beans1", "beans2", "beans3", "beans4", "beans5", "beans6" }));
        Assert.That(RecipeCatalog.Find("beans7"), Is.Null);
    }

    [TestCase("beans1")]
    [TestCase("beans2")]
    [TestCase("beans3")]
    [TestCase("beans4")]
    public void Generate_OneDimensionalRecipes_SortX(string name)
    {
        var x = RecipeCatalog.Find(name)!.Generate(200, 9).X1;

        Assert.That(x, Is.Ordered.Ascending);
    }

    [TestCase("beans3")]
    [TestCase("beans4")]
    [TestCase("beans5")]
    [TestCase("beans6")]
    public void Generate_ClassRecipes_HaveBothClasses(string name)
    {
        var y = RecipeCatalog.Find(name)!.Generate(200, 9).Y;

        Assert.That(y, Is.All.EqualTo(0.0).Or.EqualTo(1.0));
        Assert.That(y, Does.Contain(0.0).And.Contain(1.0));
    }

    [Test]
    public void Dataset_ColumnsOfDifferentLength_AreRejected()
    {
        Assert.That(() => new Dataset(new DatasetIdentity("d", null, 2, null, null, ""), [1.0, 2.0], null, [1.0]), Throws.ArgumentException);
    }

    [Test]
    public void ContentHash_DependsOnDimensionAndEveryValue()
    {
        string oneD = Dataset.ComputeContentHash([1.0, 2.0], null, [3.0, 4.0]);

        Assert.Multiple(() =>
        {
            Assert.That(oneD, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(Dataset.ComputeContentHash([1.0, 2.0], [], [3.0, 4.0]), Is.Not.EqualTo(oneD));
            Assert.That(Dataset.ComputeContentHash([1.0, 2.0], null, [3.0, 4.0000000000000009]), Is.Not.EqualTo(oneD));
            Assert.That(Dataset.ComputeContentHash([1.0, 2.0], null, [3.0, 4.0]), Is.EqualTo(oneD));
        });
    }

    [Test]
    public void Identity_RequestedFromTwoThreads_IsComputedOnceWithTheContentHash()
    {
        double[] x = [0.25, 0.5, 0.75];
        double[] y = [1.0, 0.0, 1.0];
        var data = Dataset.Create("mine", null, null, "mine.csv", x, null, y);

        var fromOtherThread = Task.Run(() => data.Identity);
        var identity = data.Identity;

        Assert.Multiple(() =>
        {
            Assert.That(fromOtherThread.Result, Is.SameAs(identity));
            Assert.That(identity.ContentHash, Is.EqualTo(Dataset.ComputeContentHash(x, null, y)));
            Assert.That(identity.N, Is.EqualTo(3));
            Assert.That(identity.Source, Is.EqualTo("mine.csv"));
        });
    }
}
