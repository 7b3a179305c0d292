using DescentLab.Core.Datasets;

namespace DescentLab.Core.Models;

/// <summary>A differentiable model with a flat parameter vector θ and a mean loss over samples.</summary>
/// <remarks>Implemented by structs so that trainers, generic over <c>TModel : struct, IModel</c>, get one specialised loop
/// per model with no interface call per sample. All methods work on the contiguous range [start, start + count) and allocate nothing.</remarks>
public interface IModel
{
    /// <summary>Length of θ.</summary>
    int ParameterCount { get; }

    /// <summary>Names of θ's entries, in order (used for init, curves and summaries).</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Whether <see cref="TrySolveClosedForm"/> can succeed.</summary>
    bool HasClosedForm { get; }

    /// <summary>Index in θ where the output layer (the weights and bias of the output's logit) begins: scaling θ from here on
    /// scales every logit while the features stay, so a sigmoid output sharpens into a step over them. 0 when the whole θ
    /// is the output layer.</summary>
    int OutputLayerStart { get; }

    /// <summary>Whether the mean loss is convex in θ, so that one local solve finds the global minimum (or infimum).</summary>
    bool IsConvex { get; }

    /// <summary>Writes the starting θ of a run: values named in <paramref name="init"/>, the rest by the model's own rule
    /// (0 or the w fallback for the linear and logistic models, seeded random draws for the mlp).</summary>
    /// <param name="theta">Receives <see cref="ParameterCount"/> values.</param>
    /// <param name="init">Starting values by parameter name.</param>
    /// <param name="seed">The run seed; only models with random starts read it.</param>
    void Initialize(Span<double> theta, IReadOnlyDictionary<string, double> init, ulong seed);

    /// <summary>Model output for one input (x2 is ignored by 1-D models).</summary>
    double Predict(ReadOnlySpan<double> theta, double x1, double x2);

    /// <summary>Mean loss over the range.</summary>
    double Loss(in Samples samples, int start, int count, ReadOnlySpan<double> theta);

    /// <summary>Mean loss over the range; writes the mean gradient to <paramref name="gradient"/>.</summary>
    double LossGradient(in Samples samples, int start, int count, ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>One pass of per-sample steps <c>θ -= lr·g_i</c> in data order, bit-identical to calling
    /// <see cref="LossGradient"/> with count 1 and stepping, but with θ kept in registers.</summary>
    void SgdEpoch(in Samples samples, Span<double> theta, double lr);

    /// <summary>Writes the exact minimiser of the loss over all samples, if the model has a closed form.</summary>
    /// <remarks>False when the normal equations are singular. When their sums overflow double precision the solution
    /// is written as NaN (and true returned), so the caller can tell overflow from singularity.</remarks>
    bool TrySolveClosedForm(in Samples samples, Span<double> theta);

    /// <summary>Writes the Hessian (row-major, p×p) of the mean loss over all samples, if the model has one in closed form.</summary>
    bool TryHessian(in Samples samples, ReadOnlySpan<double> theta, Span<double> hessian);
}
