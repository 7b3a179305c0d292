using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>fixed_step: <c>θ -= step·sign(g)</c>, g over all samples unless <c>batch</c> is given. The fixed_step update; no state.</summary>
/// <remarks>Sign(0) = 0. Defaults: step 0.01 (the course).</remarks>
public readonly struct FixedStepRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [HyperParameter.Positive("step", 0.01, "stride per update")];

    private readonly double _step;

    /// <summary>Strides of <paramref name="step"/>.</summary>
    public FixedStepRule(double step) => _step = step;

    /// <inheritdoc/>
    public double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount)
    {
    }

    /// <inheritdoc/>
    public void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        for (int j = 0; j < theta.Length; j++)
        {
            // Math.Sign(0) = 0 as the fixed-step rule defines it; NaN gradients are caught by the divergence check on the loss.
            theta[j] -= double.IsNaN(gradient[j]) ? double.NaN : _step * Math.Sign(gradient[j]);
        }
    }
}
