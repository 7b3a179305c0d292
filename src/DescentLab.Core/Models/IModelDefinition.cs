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

    /// <summary>Hidden units when the config names none; 0 for a model without a hidden layer.</summary>
    int DefaultHidden { get; }

    /// <summary>A handle for <paramref name="dimension"/> inputs and <paramref name="loss"/>.</summary>
    /// <param name="dimension">Input dimension.</param>
    /// <param name="loss">Loss to minimise.</param>
    /// <param name="hidden">Hidden units; 0 means <see cref="DefaultHidden"/>, and a model without a hidden layer takes only 0.</param>
    IModelHandle Create(int dimension, LossKind loss, int hidden = 0);
}
