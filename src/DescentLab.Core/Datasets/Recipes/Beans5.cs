namespace DescentLab.Core.Datasets.Recipes;

/// <summary>beans5: 2-D beans split by a straight line.</summary>
/// <remarks>Draws per sample: <c>x1 = 2*U</c>, then <c>x2 = 2*U</c>; unsorted; <c>y = x1 - 0.5*x2 - 0.1 &gt; 0</c>.</remarks>
public sealed class Beans5 : IRecipe
{
    /// <inheritdoc/>
    public string Name => "beans5";

    /// <inheritdoc/>
    public string Description => "2-D, x1, x2 ~ 2U, y = 1 if x1 - 0.5x2 - 0.1 > 0 (linearly separable; fits 2-D logistic)";

    /// <inheritdoc/>
    public int Dimension => 2;

    /// <inheritdoc/>
    public ClassBoundary Boundary { get; } = new LineBoundary(1, -0.5, -0.1);

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
