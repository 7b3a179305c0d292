using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>The plain descent update <c>θ -= c·g</c>, shared by batch, sgd, minibatch and rosenblatt. No state.</summary>
/// <remarks>batch: g over all samples, one step per epoch (the course's rule; identical to minibatch with batch = n). sgd: one
/// sample at a time, for origin the course's <c>k = 2x²w - 2xy; w -= lr·k</c> (identical to minibatch with batch 1). minibatch:
/// consecutive batches of <c>batch</c> samples (default 10), the last may be short. rosenblatt: <c>θ += lr·(y - ŷ)·∂ŷ/∂θ</c>, which
/// for the squared error (g = 2(ŷ - y)∂ŷ/∂θ) and for cross-entropy is half the SGD step. Defaults: lr 0.1.</remarks>
public struct GradientStep : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("lr", 0.1, "learning rate")];

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
