namespace DescentLab.Core.Models;

/// <summary>A catalog entry built from a factory function.</summary>
public sealed class ModelDefinition : IModelDefinition
{
    private readonly Func<int, LossKind, int, IModelHandle> _create;

    /// <summary>An entry without a hidden layer that builds handles with <paramref name="create"/>.</summary>
    public ModelDefinition(string name, string description, IReadOnlyList<int> dimensions, IReadOnlyList<LossKind> losses, Func<int, LossKind, IModelHandle> create)
        : this(name, description, dimensions, losses, 0, (d, l, _) => create(d, l))
    {
    }

    /// <summary>An entry whose handles take a number of hidden units (<paramref name="defaultHidden"/> when none is given).</summary>
    public ModelDefinition(string name, string description, IReadOnlyList<int> dimensions, IReadOnlyList<LossKind> losses, int defaultHidden, Func<int, LossKind, int, IModelHandle> create)
    {
        DefaultHidden = defaultHidden;
        Name = name;
        Description = description;
        Dimensions = dimensions;
        Losses = losses;
        _create = create;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Dimensions { get; }

    /// <inheritdoc/>
    public IReadOnlyList<LossKind> Losses { get; }

    /// <inheritdoc/>
    public int DefaultHidden { get; }

    /// <inheritdoc/>
    public IModelHandle Create(int dimension, LossKind loss, int hidden = 0)
    {
        if (!Dimensions.Contains(dimension))
        {
            throw new ArgumentException($"Model {Name} does not take {dimension}-D inputs.", nameof(dimension));
        }

        if (!Losses.Contains(loss))
        {
            throw new ArgumentException($"Model {Name} does not support loss {loss}.", nameof(loss));
        }

        if (DefaultHidden == 0 && hidden != 0)
        {
            throw new ArgumentException($"Model {Name} has no hidden layer.", nameof(hidden));
        }

        if (DefaultHidden != 0 && hidden is < 0 or > Mlp.MaxHidden)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"Model {Name} takes 1 to {Mlp.MaxHidden} hidden units.");
        }

        return _create(dimension, loss, hidden == 0 ? DefaultHidden : hidden);
    }
}
