namespace DescentLab.Core.Models;

/// <summary>Starting values of θ shared by the models.</summary>
public static class ParameterInit
{
    /// <summary>The course's rule: each entry takes the config's value by name; w1 and w2 fall back to w; else 0.</summary>
    public static void ByName(IReadOnlyList<string> parameterNames, IReadOnlyDictionary<string, double> init, Span<double> theta)
    {
        for (int j = 0; j < parameterNames.Count; j++)
        {
            string name = parameterNames[j];
            theta[j] = init.TryGetValue(name, out double v) ? v
                : name.StartsWith('w') && init.TryGetValue("w", out double w) ? w
                : 0.0;
        }
    }

    /// <summary>A fresh θ for <paramref name="model"/> from its <see cref="IModel.Initialize"/>.</summary>
    public static double[] Create<TModel>(TModel model, IReadOnlyDictionary<string, double> init, ulong seed)
        where TModel : struct, IModel
    {
        var theta = new double[model.ParameterCount];
        model.Initialize(theta, init, seed);
        return theta;
    }
}
