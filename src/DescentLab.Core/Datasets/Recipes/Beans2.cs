namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans2: linear toxicity with an offset, which needs the bias b.</summary>
/// <remarks>Draws: n values <c>U</c> sorted ascending; then per sorted x <c>y = 0.7*x + (0.5-U)/5 + 0.5</c>.</remarks>
public sealed class Beans2 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans2";

    /// <inheritdoc/>
    public string Description => "1-D, x ~ U[0,1) sorted, y = 0.7x + (0.5-U)/5 + 0.5 (needs a bias; fits affine)";

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
            y[i] = 0.7 * x[i] + (0.5 - rng.NextUniform()) / 5 + 0.5;
        }

        return Dataset.Create(Name, Name, seed, null, x, null, y);
    }
}
