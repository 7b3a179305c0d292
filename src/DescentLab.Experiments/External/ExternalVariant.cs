using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.External;

/// <summary>A variant implemented by an external process, one process per run, through the shared trainer.</summary>
/// <param name="description">What the process said about itself.</param>
/// <param name="command">How to start it.</param>
/// <param name="origin">The command and the digests of its files, for the manifest; null when not taken.</param>
public sealed class ExternalVariant(ExternalDescription description, ExternalCommand command, ExternalOrigin? origin = null) : IVariant
{
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
    public BatchMode BatchMode => BatchMode.Configurable;

    /// <inheritdoc/>
    public TrainingResult Train<TModel>(TModel model, Dataset data, HyperParameters hyperParameters, TrainingOptions options, CancellationToken cancellationToken)
        where TModel : struct, IModel
    {
        using var session = ExternalSession.Start(command, model.ParameterNames, description.Parameters, hyperParameters, options, data.Count);
        return Trainer.Run(model, data, new ExternalRule(session), options, cancellationToken);
    }

    /// <summary>The same variant drawn in <paramref name="colour"/> (the config hands out colours to variants that declare none).</summary>
    public ExternalVariant WithColour(string colour) => new(description with { Colour = colour }, command, origin);
}
