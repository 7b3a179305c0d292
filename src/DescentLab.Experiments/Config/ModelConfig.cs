using DescentLab.Core.Models;

namespace DescentLab.Experiments.Config;

/// <summary>A model to fit: catalog key and loss (<c>logistic</c> and <c>mlp</c> may choose cross_entropy).</summary>
public sealed record ModelConfig(string Name, LossKind Loss)
{
    /// <summary>Hidden units (the mlp's resolved size, 2 unless configured); 0 for a model without a hidden layer.</summary>
    public int Hidden { get; init; }

    /// <summary>The model's key in rows and run ids, e.g. <c>affine</c> or <c>mlp-h3</c>.</summary>
    public string Key => ModelCatalog.Key(Name, Hidden);
}
