namespace DescentLab.Core.Datasets;

/// <summary>The true split of a 2-D recipe's classes: the one definition its samples are labelled by and its plots
/// draw.</summary>
public abstract class ClassBoundary
{
    /// <summary>The formula as text, e.g. <c>x1 - 0.5x2 - 0.1 = 0</c>.</summary>
    public abstract string Formula { get; }

    /// <summary>Whether (<paramref name="x1"/>, <paramref name="x2"/>) is of class 1 (toxic).</summary>
    public abstract bool IsPositive(double x1, double x2);

    /// <summary>Points along the boundary inside the box [x1Min, x1Max] × [x2Min, x2Max], in drawing order (at most
    /// <paramref name="points"/> of them; none when the boundary misses the box).</summary>
    public abstract IReadOnlyList<(double X1, double X2)> Trace(double x1Min, double x1Max, double x2Min, double x2Max, int points);
}
