using DescentLab.Core.Datasets;

namespace DescentLab.Benchmarks;

/// <summary>Bean-like columns of any size, from the Core's own seeded generator (beans2: x ~ U, y ≈ 0.7x + 0.5).</summary>
internal static class BenchData
{
    /// <summary>n samples of beans2 with seed 1, unsorted (sorting 10^7 values would only slow the setup).</summary>
    public static Samples Beans(int n)
    {
        var rng = new Xoshiro256StarStar(1);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextUniform();
            y[i] = 0.7 * x[i] + (0.5 - rng.NextUniform()) / 5 + 0.5;
        }

        return new Samples(x, [], y);
    }

    /// <summary>The checkout: the folder above this build that holds DescentLab.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DescentLab.sln not found above " + AppContext.BaseDirectory);
    }
}
