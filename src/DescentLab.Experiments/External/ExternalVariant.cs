using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.External;

/// <summary>A variant implemented by an external process, through the shared trainer: one process per run, or, when it
/// declared <c>"runs":"many"</c>, one process per worker serving run after run (<see cref="EndProcesses"/> lets them exit).</summary>
/// <param name="description">What the process said about itself.</param>
/// <param name="command">How to start it.</param>
/// <param name="origin">The command and the digests of its files, for the manifest; null when not taken.</param>
public sealed class ExternalVariant(ExternalDescription description, ExternalCommand command, ExternalOrigin? origin = null) : IVariant
{
    private readonly ExternalProcessPool _pool = new(command);

    /// <summary>The family plots put an external variant in when it declares none.</summary>
    public const string ExternalFamily = "external";

    /// <summary>How the process is started.</summary>
    public ExternalCommand Command => command;

    /// <summary>The command and the digests of its files, as taken when the config was read; null when not taken.</summary>
    public ExternalOrigin? Origin => origin;

    /// <inheritdoc/>
    public string Name => description.Name;

    /// <inheritdoc/>
    public string Description => description.Description;

    /// <inheritdoc/>
    public string Family => description.Family ?? ExternalFamily;

    /// <inheritdoc/>
    /// <remarks>Without a declared colour, the first fallback colour until the config hands one out (<see cref="WithColour"/>).</remarks>
    public string Colour => description.Colour ?? FallbackColours.All[0];

    /// <summary>Whether the process declared its colour (or one was handed out).</summary>
    public bool HasColour => description.Colour is not null;

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters => description.Parameters;

    /// <inheritdoc/>
    public IReadOnlyList<SearchDimension> Space => description.Space ?? [];

    /// <inheritdoc/>
    public BatchMode BatchMode => BatchMode.Configurable;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
    {
        if (!description.ManyRuns)
        {
            using var own = ExternalProcess.Start(command);
            return Train(own, model, data, hyperParameters, options, cancellationToken);
        }

        var process = _pool.Take();
        bool reusable = false;
        try
        {
            var result = Train(process, model, data, hyperParameters, options, cancellationToken);
            process.EndRun();
            reusable = true;
            return result;
        }
        finally
        {
            // A run that threw (a broken answer, an exit, a timeout, a cancellation) leaves its process mid-conversation:
            // it goes, and the next run starts a fresh one.
            if (reusable)
            {
                _pool.Return(process);
            }
            else
            {
                process.Dispose();
            }
        }
    }

    /// <summary>Ends the processes kept between runs (<c>"runs":"many"</c>); a later run starts new ones.</summary>
    public void EndProcesses() => _pool.EndAll();

    /// <summary>The same variant drawn in <paramref name="colour"/> (the config hands out colours to variants that declare none).</summary>
    public ExternalVariant WithColour(string colour) => new(description with { Colour = colour }, command, origin);

    private TrainingResult Train<TModel>(ExternalProcess process, TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
    {
        var session = ExternalSession.Start(process, model.ParameterNames, description.Parameters, hyperParameters, options, data.Count);
        return Trainer.Run(model, data, new ExternalRule(session), options, cancellationToken);
    }
}
