using DescentLab.Core.Training;

namespace DescentLab.Experiments.External;

/// <summary>The update rule of an external variant: each update is a round trip to its process.</summary>
/// <param name="session">The run's process.</param>
public readonly struct ExternalRule(ExternalSession session) : IUpdateRule
{
    /// <inheritdoc/>
    public double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount)
    {
        // The process was given the parameters in its init message.
    }

    /// <inheritdoc/>
    public void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe =>
        session.Step(theta, gradient, loss, ref probe);
}
