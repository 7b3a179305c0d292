namespace DescentLab.Core.Training;

/// <summary>Evaluates the loss of the current batch at a candidate θ (for rules that search along the gradient).</summary>
public interface ILossProbe
{
    /// <summary>Mean loss of the current batch at <paramref name="theta"/>.</summary>
    double LossAt(ReadOnlySpan<double> theta);
}
