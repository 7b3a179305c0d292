namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans1: toxicity grows linearly with size through the origin.</summary>
/// <remarks>Draws: n values <c>U</c> sorted ascending; then per sorted x, in order, <c>y = 1.2*x + U/10</c>.</remarks>
public sealed class Beans1 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans1";

    /// <inheritdoc/>
    public string Description => "1-D, x ~ U[0,1) sorted, y = 1.2x + U/10 (the course's first beans; fits origin)";

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
            y[i] = 1.2 * x[i] + rng.NextUniform() / 10;
        }

        return Dataset.Create(Name, Name, seed, null, x, null, y);
    }
}
