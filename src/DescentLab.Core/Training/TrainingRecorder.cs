using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;

namespace DescentLab.Core.Training;

/// <summary>Watches a run: evaluates loss, gap and gradient norm over all samples at each recorded state, appends the
/// curve row, and applies the stop rules (divergence, target).</summary>
public sealed class TrainingRecorder<TModel>
    where TModel : struct, IModel
{
    private readonly TModel _model;
    private readonly Samples _samples;
    private readonly TrainingOptions _options;
    private readonly CurveBuffer _curve;
    private readonly double[] _gradient;
    private double _divergeAbove = double.PositiveInfinity;
    private int? _epochsToTarget;
    private long? _gradEvalsToTarget;
    private bool _lastMeetsTargets;
    private string _divergence = string.Empty;

    /// <summary>Reserves the curve for <paramref name="options"/>'s stop rules over <paramref name="samples"/>.</summary>
    public TrainingRecorder(TModel model, Samples samples, TrainingOptions options)
    {
        long capacity = options.CurveCapacity(samples.Count);
        if (capacity > int.MaxValue / Math.Max(1, model.ParameterCount))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A curve of {capacity} rows is too large to keep in memory."));
        }

        _model = model;
        _samples = samples;
        _options = options;
        _curve = new CurveBuffer(model.ParameterNames, (int)capacity, options.TrackAccuracy);
        _gradient = new double[model.ParameterCount];
    }

    /// <summary>The mean loss over all samples at the last observed state.</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>The mean gradient over all samples at the last observed state (valid until the next observation).</summary>
    public ReadOnlySpan<double> LastGradient => _gradient;

    /// <summary>True once the loss became non-finite or too large.</summary>
    public bool Diverged => _divergence.Length > 0;

    /// <summary>Records the state <paramref name="theta"/>; returns true when the run must stop.</summary>
    public bool Observe(int epoch, long step, long gradEvals, ReadOnlySpan<double> theta)
    {
        double loss = _model.LossGradient(_samples, 0, _samples.Count, theta, _gradient);
        LastLoss = loss;
        double sumSq = 0;
        foreach (double g in _gradient)
        {
            sumSq += g * g;
        }

        double gap = loss - _options.OptimumLoss;
        bool first = _curve.Count == 0;
        _curve.Add(epoch, step, loss, gap, Math.Sqrt(sumSq), theta);
        double accuracy = RecordAccuracy(theta);
        if (first)
        {
            // A zero initial loss would make every later loss "too large"; keep the factor meaningful.
            _divergeAbove = _options.DivergeFactor * Math.Max(loss, double.Epsilon);
        }

        if (!double.IsFinite(loss))
        {
            _divergence = string.Create(CultureInfo.InvariantCulture, $"loss became {loss} at epoch {epoch}, step {step}");
            return true;
        }

        if (loss > _divergeAbove)
        {
            _divergence = string.Create(
                CultureInfo.InvariantCulture,
                $"loss {loss:R} exceeded diverge_factor {_options.DivergeFactor:R} x initial loss at epoch {epoch}, step {step}");
            return true;
        }

        // Every state is checked: the first hit is the runtime measure, the last state decides "converged".
        _lastMeetsTargets = MeetsTargets(loss, gap, accuracy);
        if (_epochsToTarget is null && _lastMeetsTargets)
        {
            _epochsToTarget = epoch;
            _gradEvalsToTarget = gradEvals;
            return _options.StopAtTarget;
        }

        return false;
    }

    /// <summary>Every target that is set is met; false when none is set.</summary>
    private bool MeetsTargets(double loss, double gap, double accuracy)
    {
        bool any = false;
        bool met = true;
        if (!double.IsNaN(_options.TargetGap))
        {
            any = true;
            met &= gap <= _options.TargetGap;
        }

        if (!double.IsNaN(_options.TargetLoss))
        {
            any = true;
            met &= loss <= _options.TargetLoss;
        }

        if (!double.IsNaN(_options.TargetAccuracy))
        {
            any = true;
            met &= accuracy >= _options.TargetAccuracy;
        }

        return any && met;
    }

    /// <summary>The accuracy of <paramref name="theta"/> into the curve row just added; NaN when not tracked or not needed.</summary>
    private double RecordAccuracy(ReadOnlySpan<double> theta)
    {
        if (!_options.TrackAccuracy && double.IsNaN(_options.TargetAccuracy))
        {
            return double.NaN;
        }

        double accuracy = Accuracy.Of(_model, _samples, theta);
        _curve.SetAccuracy(accuracy);
        return accuracy;
    }

    /// <summary>Converged when the last observed state meets the targets; lost when an earlier one did and the last does not.</summary>
    private RunStatus Judge() =>
        Diverged ? RunStatus.Diverged
        : _lastMeetsTargets ? RunStatus.Converged
        : _epochsToTarget is null ? RunStatus.NotConverged
        : RunStatus.LostTarget;

    /// <summary>The result after the last observed state.</summary>
    public TrainingResult Finish(int epochs, long steps, long gradEvals, RunStatus? status = null, string? message = null)
    {
        var curve = _curve.ToCurve();
        int last = curve.Count - 1;
        var finalStatus = status ?? Judge();
        return new TrainingResult(
            finalStatus,
            message ?? _divergence,
            curve,
            epochs,
            steps,
            gradEvals,
            _epochsToTarget,
            _gradEvalsToTarget,
            curve.Loss[last],
            curve.Gap[last],
            curve.ParametersAt(last).ToArray(),
            curve.Accuracy?[last] ?? double.NaN);
    }
}
