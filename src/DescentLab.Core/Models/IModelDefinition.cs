namespace DescentLab.Core.Models;

/// <summary>A catalog entry: a model kind and the dimensions and losses it accepts.</summary>
public interface IModelDefinition
{
    /// <summary>Config key, e.g. <c>affine</c>.</summary>
    string Name { get; }

    /// <summary>One line for listings.</summary>
    string Description { get; }

    /// <summary>Input dimensions it can take.</summary>
    IReadOnlyList<int> Dimensions { get; }

    /// <summary>Losses it can minimise; the first is the default.</summary>
    IReadOnlyList<LossKind> Losses { get; }

    /// <summary>A handle for <paramref name="dimension"/> inputs and <paramref name="loss"/>.</summary>
    IModelHandle Create(int dimension, LossKind loss);
}
