namespace DescentLab.Experiments.Datasets;

/// <summary>What validation needs to know about a dataset CSV without loading it.</summary>
/// <param name="Dimension">1 for <c>x,y</c>, 2 for <c>x1,x2,y</c>.</param>
/// <param name="Rows">Number of data rows (n).</param>
public sealed record DatasetFileShape(int Dimension, long Rows);
