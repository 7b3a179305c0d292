namespace DescentLab.Core.Training;

/// <summary>A probe that also gives the gradient and the batch size (for rules that hand the batch to someone else,
/// such as an external process asking for evaluations during a line search).</summary>
public interface IGradientProbe : ILossProbe
{
    /// <summary>Samples in the current batch.</summary>
    int Count { get; }

    /// <summary>Mean loss of the current batch at <paramref name="theta"/>; its gradient goes into <paramref name="gradient"/>.</summary>
    double LossGradientAt(ReadOnlySpan<double> theta, Span<double> gradient);
}
