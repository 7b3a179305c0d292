using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.External;

namespace DescentLab.Experiments.Plugins;

/// <summary>A plug-in variant run with <c>isolation: process</c>: described by the plug-in loaded in descentlab, trained by
/// the shared trainer with each update a round trip to a plug-in host process, one per run.</summary>
/// <param name="plugin">The variant as the plug-in describes it (name, hyper-parameters, family, colour, batch mode).</param>
/// <param name="command">How to start its host.</param>
public sealed class ProcessPluginVariant(IVariant plugin, ExternalCommand command) : IVariant
{
    /// <summary>How the host is started.</summary>
    public ExternalCommand Command => command;

    /// <inheritdoc/>
    public string Name => plugin.Name;

    /// <inheritdoc/>
    public string Description => plugin.Description;

    /// <inheritdoc/>
    public string Family => plugin.Family;

    /// <inheritdoc/>
    public string Colour => plugin.Colour;

    /// <inheritdoc/>
    public IReadOnlyList<HyperParameter> Parameters => plugin.Parameters;

    /// <inheritdoc/>
    public IReadOnlyList<SearchDimension> Space => plugin.Space;

    /// <inheritdoc/>
    public BatchMode BatchMode => plugin.BatchMode;

    /// <inheritdoc/>
    public int? DefaultBatch => plugin.DefaultBatch;

    /// <inheritdoc/>
    public bool Supports(IModelHandle model) => plugin.Supports(model);

    /// <inheritdoc/>
    /// <remarks>When the run is cancelled (<c>stop.max_seconds</c> included) the session is ended at once: the host sees
    /// its stdin close and exits, even from inside an update that never returns, and the blocked round trip fails.</remarks>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
    {
        using var process = ExternalProcess.Start(command);
        using var abandon = cancellationToken.Register(() => End(process));
        var session = ExternalSession.Start(process, model.ParameterNames, plugin.Parameters, hyperParameters, options, data.Count);
        try
        {
            return Trainer.Run(model, data, new ExternalRule(session), options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // The failure is the cancellation's doing, not the plug-in's.
            throw new OperationCanceledException("the run was cancelled", ex, cancellationToken);
        }
    }

    private static void End(ExternalProcess process)
    {
        try
        {
            process.Dispose();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
        {
            // The run thread is using the process too; whichever way it ends, the process is gone.
        }
    }
}
