namespace DescentLab.Core.Datasets;

/// <summary>The columns a model reads: x1, x2 (empty for 1-D data) and y, all the same length.</summary>
public readonly record struct Samples(double[] X1, double[] X2, double[] Y)
{
    /// <summary>Number of samples.</summary>
    public int Count => Y.Length;
}
