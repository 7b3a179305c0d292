using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>The deterministic starts of the reference solve, seeded from the data alone.</summary>
/// <remarks>Start 0 is the model's own start for an empty init and seed 0 (θ = 0 for logistic, a fixed non-symmetric point
/// for the mlp). Non-convex problems add more. With at most <see cref="GridDimension"/> parameters (the logistic neuron), a
/// grid of directions at two radii: a sigmoid's steps sit in narrow arcs of direction, so a grid finds each of them where
/// random starts would miss some on some seeds. With more parameters (the mlp), <see cref="ReferenceSolver.ExtraStarts"/>
/// starts with every entry drawn from U(-4, 4) by xoshiro256** seeded with a SplitMix64 fold of the bits of x1, x2 and y,
/// so the same data give the same starts in any shard, process or re-render.</remarks>
internal static class StartPoints
{
    /// <summary>Largest parameter count that gets the grid of directions.</summary>
    public const int GridDimension = 3;

    private const double Radius = 4;
    private const int CircleDirections = 48;
    private const int SphereDirections = 96;
    private static readonly double[] GridRadii = [2, 16];

    public static IReadOnlyList<double[]> For<TModel>(TModel model, Samples samples, bool convex)
        where TModel : struct, IModel
    {
        int p = model.ParameterCount;
        var first = new double[p];
        model.Initialize(first, new Dictionary<string, double>(), 0);
        var starts = new List<double[]> { first };
        if (convex)
        {
            return starts;
        }

        if (p <= GridDimension)
        {
            starts.AddRange(Grid(p));
            return starts;
        }

        var rng = new Xoshiro256StarStar(DataSeed(samples));
        for (int k = 0; k < ReferenceSolver.ExtraStarts; k++)
        {
            var start = new double[p];
            for (int j = 0; j < p; j++)
            {
                start[j] = Radius * (2 * rng.NextUniform() - 1);
            }

            starts.Add(start);
        }

        return starts;
    }

    /// <summary>Evenly spread unit directions (a circle, or a Fibonacci sphere) at each of <see cref="GridRadii"/>.</summary>
    private static List<double[]> Grid(int p)
    {
        var grid = new List<double[]>();
        foreach (double radius in GridRadii)
        {
            if (p == 1)
            {
                grid.Add([radius]);
                grid.Add([-radius]);
                continue;
            }

            int count = p == 2 ? CircleDirections : SphereDirections;
            for (int k = 0; k < count; k++)
            {
                if (p == 2)
                {
                    double angle = 2 * Math.PI * k / count;
                    grid.Add([radius * Math.Cos(angle), radius * Math.Sin(angle)]);
                }
                else
                {
                    double z = 1 - (2 * k + 1.0) / count;
                    double r = Math.Sqrt(1 - z * z);
                    double angle = k * Math.PI * (3 - Math.Sqrt(5));
                    grid.Add([radius * r * Math.Cos(angle), radius * r * Math.Sin(angle), radius * z]);
                }
            }
        }

        return grid;
    }

    private static ulong DataSeed(Samples samples)
    {
        ulong state = (ulong)samples.Count;
        state = Fold(state, samples.X1);
        state = Fold(state, samples.X2);
        return Fold(state, samples.Y);
    }

    private static ulong Fold(ulong state, double[] column)
    {
        foreach (double v in column)
        {
            state = new SplitMix64(state ^ (ulong)BitConverter.DoubleToInt64Bits(v)).Next();
        }

        return state;
    }
}
