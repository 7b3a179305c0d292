using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>fixed_step: <c>θ -= step·sign(g)</c>, g over all samples unless <c>batch</c> is given.</summary>
/// <remarks>SPEC §6: sign(0) = 0. Defaults: step 0.01 (the course).</remarks>
public sealed class FixedStep : IVariant
{
    /// <inheritdoc/>
    public string Name => "fixed_step";

    /// <inheritdoc/>
    public string Description => "fixed-step descent: theta -= step*sign(g), the course's walk in constant strides";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [HyperParameter.Positive("step", 0.01, "stride per update")];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.Configurable;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel =>
        Trainer.Run(model, data, new FixedStepRule(hyperParameters["step"]), options, cancellationToken);
}

/// <summary>The fixed_step update; no state.</summary>
public readonly struct FixedStepRule : IUpdateRule
{
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
            // Math.Sign(0) = 0 as SPEC §6 asks; NaN gradients are caught by the divergence check on the loss.
            theta[j] -= double.IsNaN(gradient[j]) ? double.NaN : _step * Math.Sign(gradient[j]);
        }
    }
}
