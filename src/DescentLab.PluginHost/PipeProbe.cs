using DescentLab.Core.Training;

namespace DescentLab.PluginHost;

/// <summary>The batch's loss at other parameters, evaluated by descentlab: one <c>evaluate</c> round trip per call.</summary>
/// <param name="session">The run's session.</param>
internal readonly struct PipeProbe(HostSession session) : IGradientProbe
{
    /// <inheritdoc/>
    public int Count => session.BatchSize;

    /// <inheritdoc/>
    public double LossAt(ReadOnlySpan<double> theta) => session.Evaluate(theta, new double[theta.Length]);

    /// <inheritdoc/>
    public double LossGradientAt(ReadOnlySpan<double> theta, Span<double> gradient) => session.Evaluate(theta, gradient);
}
