using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>closed_form: the normal equation, solved exactly in one step.</summary>
/// <remarks>The curve is row 0 (initial) and row 1 (the solution); one pass over the data counts as n gradient
/// evaluations. Models without a closed form are skipped by the planner (<see cref="Supports"/>).</remarks>
public sealed class ClosedForm : IVariant
{
    /// <inheritdoc/>
    public string Name => "closed_form";

    /// <inheritdoc/>
    public string Description => "normal equation: the exact least-squares solution in one step (origin, affine)";

    /// <inheritdoc/>
    public string Family => VariantFamily.Plain;

    /// <inheritdoc/>
    public string Colour => "#000000";

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters { get; } = [];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.All;

    /// <inheritdoc/>
    public bool Supports(IModelHandle model) => model.HasClosedForm;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
    {
        cancellationToken.ThrowIfCancellationRequested();
        var recorder = new TrainingRecorder<TModel>(model, data.Samples, options with { MaxEpochs = 1, Record = RecordMode.Epoch });
        recorder.Observe(0, 0, 0, options.InitialTheta);
        var theta = new double[model.ParameterCount];
        if (!model.TrySolveClosedForm(data.Samples, theta))
        {
            return recorder.Finish(0, 0, 0, RunStatus.Failed, "the normal equation is singular: every x is the same");
        }

        if (!Array.TrueForAll(theta, double.IsFinite))
        {
            return recorder.Finish(0, 0, data.Count, RunStatus.Diverged, "the normal equations overflowed: sums of x*x or x*y are not finite in double precision");
        }

        recorder.Observe(1, 1, data.Count, theta);
        return recorder.Finish(1, 1, data.Count);
    }
}
