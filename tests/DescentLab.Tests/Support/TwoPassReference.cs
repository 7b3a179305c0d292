using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Tests.Support;

/// <summary>The plain epoch loop the trainer had before its one-pass full-batch epoch: every update computes its own
/// loss and gradient, and the recorder computes them again for the curve row (two passes per epoch).</summary>
/// <remarks>Kept in the tests only, as the reference the production loop must match bit for bit. It wraps a catalog
/// variant and builds the same update rule from the same hyper-parameters; a variant it does not know fails the test,
/// so a new catalog entry has to be added here.</remarks>
public sealed class TwoPassReference : IVariant
{
    private readonly IVariant _variant;

    /// <summary>The reference for <paramref name="variant"/>.</summary>
    public TwoPassReference(IVariant variant) => _variant = variant;

    /// <inheritdoc/>
    public string Name => _variant.Name;

    /// <inheritdoc/>
    public string Description => _variant.Description;

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters => _variant.Parameters;

    /// <inheritdoc/>
    public BatchMode BatchMode => _variant.BatchMode;

    /// <inheritdoc/>
    public string Family => _variant.Family;

    /// <inheritdoc/>
    public string Colour => _variant.Colour;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters h, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel => Name switch
        {
            "batch" or "sgd" or "minibatch" => Run(model, data, new GradientStep(h["lr"]), options),
            "rosenblatt" => Run(model, data, new GradientStep(0.5 * h["lr"]), options),
            "fixed_step" => Run(model, data, new FixedStepRule(h["step"]), options),
            "momentum" => Run(model, data, new MomentumRule(h["lr"], h["momentum"], nesterov: false), options),
            "nesterov" => Run(model, data, new MomentumRule(h["lr"], h["momentum"], nesterov: true), options),
            "adagrad" => Run(model, data, new AdagradRule(h["lr"], h["eps"]), options),
            "rmsprop" => Run(model, data, new RmspropRule(h["lr"], h["alpha"], h["eps"]), options),
            "adam" => Run(model, data, new AdamRule(h["lr"], h["beta1"], h["beta2"], h["eps"]), options),
            "line_search" => Run(model, data, new LineSearchRule(h["lr"]), options),
            _ => throw new NotSupportedException($"TwoPassReference does not know variant {Name}; add its rule."),
        };

    private static TrainingResult Run<TModel, TRule>(TModel model, Dataset data, TRule rule, TrainingOptions options)
        where TModel : struct, IModel
        where TRule : struct, IUpdateRule
    {
        int n = data.Count;
        var theta = (double[])options.InitialTheta.Clone();
        var gradient = new double[model.ParameterCount];
        rule.Init(model.ParameterCount);
        var recorder = new TrainingRecorder<TModel>(model, data.Samples, options);
        var shuffler = options.Shuffle ? new Shuffler(data.Samples, options.ShuffleSeed) : null;
        var train = shuffler?.Samples ?? data.Samples;
        bool perStep = options.Record == RecordMode.Step;
        long steps = 0;
        long gradEvals = 0;
        int epoch = 0;
        bool stop = recorder.Observe(0, 0, 0, theta);
        while (!stop && epoch < options.MaxEpochs)
        {
            epoch++;
            shuffler?.Reshuffle();
            for (int start = 0; start < n && !stop; start += options.BatchSize)
            {
                int count = Math.Min(options.BatchSize, n - start);
                double loss = model.LossGradient(train, start, count, theta, gradient);
                var probe = new BatchProbe<TModel>(model, train, start, count);
                rule.Apply(theta, gradient, loss, ref probe);
                steps++;
                gradEvals += count;
                if (perStep)
                {
                    stop = recorder.Observe(epoch, steps, gradEvals, theta);
                }
            }

            if (!perStep)
            {
                stop = recorder.Observe(epoch, steps, gradEvals, theta);
            }
        }

        return recorder.Finish(epoch, steps, gradEvals);
    }
}
