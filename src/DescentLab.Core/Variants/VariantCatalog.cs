namespace DescentLab.Core.Variants;

/// <summary>Every descent variant, in listing and plan order. Add a variant with one line here.</summary>
public static class VariantCatalog
{
    /// <summary>All variants.</summary>
    public static IReadOnlyList<IVariant> All { get; } =
    [
        new ClosedForm(),
        new Batch(),
        new Sgd(),
        new Minibatch(),
        new FixedStep(),
        new Rosenblatt(),
        new Momentum(),
        new Nesterov(),
        new Adagrad(),
        new Rmsprop(),
        new Adam(),
        new LineSearch(),
    ];

    /// <summary>The variant called <paramref name="name"/>, or null.</summary>
    public static IVariant? Find(string name)
    {
        foreach (var variant in All)
        {
            if (variant.Name == name)
            {
                return variant;
            }
        }

        return null;
    }
}
