namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans3: toxic (1) or not (0) above a size threshold.</summary>
/// <remarks>Draws: n values <c>U</c> sorted; per sorted x <c>t = 0.7*x + (0.5-U)/50 + 0.5</c>, <c>y = t &gt; 0.8</c>.</remarks>
public sealed class Beans3 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans3";

    /// <inheritdoc/>
    public string Description => "1-D, x ~ U[0,1) sorted, y = 1 if 0.7x + (0.5-U)/50 + 0.5 > 0.8 (threshold; fits logistic)";

    /// <inheritdoc/>
    public int Dimension => 1;

    /// <inheritdoc/>
    public Dataset Generate(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var y = BeanDraws.Column(n);
        var x = BeanDraws.SortedSizes(ref rng, 1.0, y);
        for (int i = 0; i < n; i++)
        {
            y[i] = BeanDraws.Toxicity(x[i], ref rng) > 0.8 ? 1.0 : 0.0;
        }

        return Dataset.Create(Name, Name, seed, null, x, null, y);
    }
}
