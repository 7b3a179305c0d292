namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans6: 2-D beans inside a disc are toxic.</summary>
/// <remarks>Draws per sample: <c>x1 = 2*U</c>, then <c>x2 = 2*U</c>; unsorted; <c>y = (x1-1)^2 + (x2-0.3)^2 &lt; 0.5</c>.</remarks>
public sealed class Beans6 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans6";

    /// <inheritdoc/>
    public string Description => "2-D, x1, x2 ~ 2U, y = 1 if (x1-1)^2 + (x2-0.3)^2 < 0.5 (a disc; not linearly separable)";

    /// <inheritdoc/>
    public int Dimension => 2;

    /// <inheritdoc/>
    public ClassBoundary Boundary { get; } = new DiscBoundary(1, 0.3, 0.5);

    /// <inheritdoc/>
    public Dataset Generate(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var (x1, x2) = BeanDraws.PlanePoints(ref rng, n);
        var y = BeanDraws.Column(n);
        for (int i = 0; i < n; i++)
        {
            y[i] = Boundary.IsPositive(x1[i], x2[i]) ? 1.0 : 0.0;
        }

        return Dataset.Create(Name, Name, seed, null, x1, x2, y);
    }
}
