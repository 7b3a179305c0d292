using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>The plain descent update <c>θ -= c·g</c>, shared by batch, sgd, minibatch and rosenblatt. No state.</summary>
public struct GradientStep : IUpdateRule
{
    private readonly double _stepSize;

    /// <summary>An update with step size <paramref name="stepSize"/> (the learning rate, or half of it for rosenblatt).</summary>
    public GradientStep(double stepSize) => _stepSize = stepSize;

    /// <inheritdoc/>
    public readonly double PlainStepSize => _stepSize;

    /// <inheritdoc/>
    public readonly void Init(int parameterCount)
    {
    }

    /// <inheritdoc/>
    public readonly void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            theta[j] -= _stepSize * gradient[j];
        }
    }
}
