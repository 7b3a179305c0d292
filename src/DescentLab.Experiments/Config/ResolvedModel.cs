using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>A model with its loss and, for the mlp, its hidden units.</summary>
/// <param name="Name">Catalog key.</param>
/// <param name="Loss"><c>mse</c> or <c>cross_entropy</c>.</param>
/// <param name="Hidden">Hidden units, or null (and left out) for a model without a hidden layer.</param>
public sealed record ResolvedModel(
    string Name,
    string Loss,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Hidden = null)
{
    /// <summary>The resolved form of <paramref name="model"/>.</summary>
    public static ResolvedModel From(ModelConfig model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(model.Name, LossNames.ToKey(model.Loss), model.Hidden == 0 ? null : model.Hidden);
    }
}
