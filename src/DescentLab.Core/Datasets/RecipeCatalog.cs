using DescentLab.Core.Datasets.Recipes;

namespace DescentLab.Core.Datasets;

/// <summary>Every dataset recipe, in listing order. Add a recipe with one line here.</summary>
public static class RecipeCatalog
{
    /// <summary>All recipes.</summary>
    public static IReadOnlyList<IRecipe> All { get; } =
    [
        new Beans1(),
        new Beans2(),
        new Beans3(),
        new Beans4(),
        new Beans5(),
        new Beans6(),
    ];

    /// <summary>The recipe called <paramref name="name"/>, or null.</summary>
    public static IRecipe? Find(string name)
    {
        foreach (var recipe in All)
        {
            if (recipe.Name == name)
            {
                return recipe;
            }
        }

        return null;
    }
}
