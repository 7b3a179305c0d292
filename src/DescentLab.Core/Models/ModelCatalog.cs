using System.Globalization;

namespace DescentLab.Core.Models;

/// <summary>Every model, in listing order. Add a model with one entry here.</summary>
public static class ModelCatalog
{
    /// <summary>All models.</summary>
    public static IReadOnlyList<IModelDefinition> All { get; } =
    [
        new ModelDefinition("origin", "y = w*x, squared error (the course's first neuron; 1-D)", [1], [LossKind.Mse],
            (d, l) => new ModelHandle<Origin>("origin", l, d, default)),
        new ModelDefinition("affine", "y = w*x + b, squared error (with the bias; 1-D)", [1], [LossKind.Mse],
            (d, l) => new ModelHandle<Affine>("affine", l, d, default)),
        new ModelDefinition("logistic", "y = sigmoid(w*x + b) or sigmoid(w1*x1 + w2*x2 + b); mse or cross_entropy; 1-D and 2-D", [1, 2], [LossKind.Mse, LossKind.CrossEntropy],
            (d, l) => new ModelHandle<Logistic>("logistic", l, d, new Logistic(d, l))),
        new ModelDefinition("mlp", "y = sigmoid(sum_j v_j*sigmoid(a_j*x + c_j) + d), one hidden layer of 1..32 sigmoid units (hidden, default 2)", [1, 2], [LossKind.Mse, LossKind.CrossEntropy], 2,
            (d, l, h) => new ModelHandle<Mlp>(Key("mlp", h), l, d, new Mlp(d, h, l))),
    ];

    /// <summary>The model called <paramref name="name"/>, or null.</summary>
    public static IModelDefinition? Find(string name)
    {
        foreach (var model in All)
        {
            if (model.Name == name)
            {
                return model;
            }
        }

        return null;
    }

    /// <summary>The text that names a configured model in rows and run ids: the name, with <c>-h{hidden}</c> for a model
    /// with hidden units (e.g. <c>mlp-h3</c>); <paramref name="hidden"/> 0 means none.</summary>
    public static string Key(string name, int hidden) =>
        hidden == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-h{hidden}");

    /// <summary>Re-creates a handle from its <see cref="IModelHandle.Name"/> (see <see cref="Key"/>), or null if this build
    /// does not know the model or it cannot take <paramref name="dimension"/> inputs or <paramref name="loss"/>.</summary>
    public static IModelHandle? FromKey(string modelKey, int dimension, LossKind loss)
    {
        string name = modelKey;
        int hidden = 0;
        int dash = modelKey.LastIndexOf("-h", StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(modelKey.AsSpan(dash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
        {
            name = modelKey[..dash];
            hidden = parsed;
        }

        if (Find(name) is not { } definition || !definition.Dimensions.Contains(dimension) || !definition.Losses.Contains(loss)
            || (hidden == 0) != (definition.DefaultHidden == 0) || hidden > Mlp.MaxHidden
            || Key(name, hidden) != modelKey)
        {
            return null;
        }

        return definition.Create(dimension, loss, hidden);
    }
}
