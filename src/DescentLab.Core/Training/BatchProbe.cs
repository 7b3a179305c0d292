using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Training;

/// <summary>An <see cref="IGradientProbe"/> over one contiguous batch of samples.</summary>
public readonly struct BatchProbe<TModel> : IGradientProbe
    where TModel : struct, IModel
{
    private readonly TModel _model;
    private readonly Samples _samples;
    private readonly int _start;
    private readonly int _count;

    /// <summary>Probes [start, start + count) of <paramref name="samples"/>.</summary>
    public BatchProbe(TModel model, Samples samples, int start, int count)
    {
        _model = model;
        _samples = samples;
        _start = start;
        _count = count;
    }

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public double LossAt(ReadOnlySpan<double> theta) => _model.Loss(_samples, _start, _count, theta);

    /// <inheritdoc/>
    public double LossGradientAt(ReadOnlySpan<double> theta, Span<double> gradient) => _model.LossGradient(_samples, _start, _count, theta, gradient);
}
