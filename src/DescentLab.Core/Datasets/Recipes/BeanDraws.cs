namespace DescentLab.Core.Datasets.Recipes;

/// <summary>The draw patterns the recipes share (SPEC §4).</summary>
internal static class BeanDraws
{
    /// <summary>n draws of <c>scale*U</c>, then sorted ascending.</summary>
    public static double[] SortedSizes(ref Xoshiro256StarStar rng, int n, double scale)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = scale * rng.NextUniform();
        }

        Array.Sort(x);
        return x;
    }

    /// <summary>Per sample <c>x1 = 2*U</c> then <c>x2 = 2*U</c>, unsorted.</summary>
    public static (double[] X1, double[] X2) PlanePoints(ref Xoshiro256StarStar rng, int n)
    {
        var x1 = new double[n];
        var x2 = new double[n];
        for (int i = 0; i < n; i++)
        {
            x1[i] = 2 * rng.NextUniform();
            x2[i] = 2 * rng.NextUniform();
        }

        return (x1, x2);
    }

    /// <summary>The beans3/beans4 toxicity score <c>0.7*x + (0.5-U)/50 + 0.5</c>.</summary>
    public static double Toxicity(double x, ref Xoshiro256StarStar rng) => 0.7 * x + (0.5 - rng.NextUniform()) / 50 + 0.5;
}
