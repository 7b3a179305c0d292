using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.External;

/// <summary>A variant implemented by an external process (SPEC §11), one process per run, through the shared trainer.</summary>
/// <param name="description">What the process said about itself.</param>
/// <param name="command">How to start it.</param>
public sealed class ExternalVariant(ExternalDescription description, ExternalCommand command) : IVariant
{
    /// <summary>The family plots put external variants in.</summary>
    public const string ExternalFamily = "external";

    private static readonly string[] Colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

    /// <summary>How the process is started.</summary>
    public ExternalCommand Command => command;

    /// <inheritdoc/>
    public string Name => description.Name;

    /// <inheritdoc/>
    public string Description => description.Description;

    /// <inheritdoc/>
    public string Family => ExternalFamily;

    /// <inheritdoc/>
    public string Colour => Colours[StableHash(description.Name) % Colours.Length];

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

    /// <summary>FNV-1a over the name: the same colour in every process (string.GetHashCode is randomised).</summary>
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % int.MaxValue);
    }
}
