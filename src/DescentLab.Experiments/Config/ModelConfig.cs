using DescentLab.Core.Models;

namespace DescentLab.Experiments.Config;

/// <summary>A model to fit: catalog key and loss (<c>logistic</c> may choose cross_entropy).</summary>
public sealed record ModelConfig(string Name, LossKind Loss);
