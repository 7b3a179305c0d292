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
}
