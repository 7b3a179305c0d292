namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans4: toxic only in a middle band of sizes (needs a hidden layer).</summary>
/// <remarks>Draws: n values <c>2*U</c> sorted; per sorted x <c>t = 0.7*x + (0.5-U)/50 + 0.5</c>, <c>y = 0.8 &lt; t &lt; 1.4</c>.</remarks>
public sealed class Beans4 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans4";

    /// <inheritdoc/>
    public string Description => "1-D, x ~ 2U sorted, y = 1 if 0.8 < 0.7x + (0.5-U)/50 + 0.5 < 1.4 (a band; not separable by one sigmoid)";

    /// <inheritdoc/>
    public int Dimension => 1;

    /// <inheritdoc/>
    public Dataset Generate(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var y = BeanDraws.Column(n);
        var x = BeanDraws.SortedSizes(ref rng, 2.0, y);
        for (int i = 0; i < n; i++)
        {
            double t = BeanDraws.Toxicity(x[i], ref rng);
            y[i] = t > 0.8 && t < 1.4 ? 1.0 : 0.0;
        }

        return Dataset.Create(Name, Name, seed, null, x, null, y);
    }
}
