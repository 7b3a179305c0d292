using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Training;

/// <summary>The epoch loop shared by every gradient variant.</summary>
/// <remarks>Generic over struct model and rule, so each pair gets its own specialised loop with no interface call per
/// batch. Buffers are allocated before the first epoch; epochs allocate nothing.</remarks>
public static class Trainer
{
    /// <summary>Trains from <see cref="TrainingOptions.InitialTheta"/> until a stop rule fires or the epochs run out.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires (checked every epoch).</exception>
    public static TrainingResult Run<TModel, TRule>(TModel model, Dataset data, TRule rule, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
        where TRule : struct, IUpdateRule
    {
        Validate(model, data, options);
        int n = data.Count;
        int batch = options.BatchSize;
        var theta = (double[])options.InitialTheta.Clone();
        var gradient = new double[model.ParameterCount];
        rule.Init(model.ParameterCount);
        var recorder = new TrainingRecorder<TModel>(model, data.Samples, options);
        var shuffler = options.Shuffle ? new Shuffler(data.Samples, options.ShuffleSeed) : null;
        var train = shuffler?.Samples ?? data.Samples;
        bool perStep = options.Record == RecordMode.Step;
        double plainStep = rule.PlainStepSize;
        bool sgdFastPath = !perStep && batch == 1 && !double.IsNaN(plainStep);

        // Full batch in data order: the recorder's loss and gradient at θ_k are bit for bit the ones update k+1 needs
        // (same samples, same range, same kernel), so each epoch passes over the data once, not twice.
        bool reuseRecorded = batch == n && shuffler is null;

        long steps = 0;
        long gradEvals = 0;
        int epoch = 0;
        bool stop = recorder.Observe(0, 0, 0, theta);
        while (!stop && epoch < options.MaxEpochs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            epoch++;
            shuffler?.Reshuffle();
            if (sgdFastPath)
            {
                model.SgdEpoch(train, theta, plainStep);
                steps += n;
                gradEvals += n;
            }
            else
            {
                for (int start = 0; start < n && !stop; start += batch)
                {
                    int count = Math.Min(batch, n - start);
                    var probe = new BatchProbe<TModel>(model, train, start, count);
                    if (reuseRecorded)
                    {
                        rule.Apply(theta, recorder.LastGradient, recorder.LastLoss, ref probe);
                    }
                    else
                    {
                        double loss = model.LossGradient(train, start, count, theta, gradient);
                        rule.Apply(theta, gradient, loss, ref probe);
                    }

                    steps++;
                    gradEvals += count;
                    if (perStep)
                    {
                        stop = recorder.Observe(epoch, steps, gradEvals, theta);
                    }
                }
            }

            if (!perStep)
            {
                stop = recorder.Observe(epoch, steps, gradEvals, theta);
            }
        }

        return recorder.Finish(epoch, steps, gradEvals);
    }

    private static void Validate<TModel>(TModel model, Dataset data, TrainingOptions options)
        where TModel : struct, IModel
    {
        if (data.Count == 0)
        {
            throw new ArgumentException("The dataset has no samples.", nameof(data));
        }

        if (options.BatchSize < 1 || options.BatchSize > data.Count)
        {
            throw new ArgumentException($"Batch size {options.BatchSize} is outside 1..{data.Count}.", nameof(options));
        }

        if (options.InitialTheta.Length != model.ParameterCount)
        {
            throw new ArgumentException($"The model has {model.ParameterCount} parameters but {options.InitialTheta.Length} initial values were given.", nameof(options));
        }

        if (options.MaxEpochs < 0)
        {
            throw new ArgumentException("max_epochs must not be negative.", nameof(options));
        }
    }
}
