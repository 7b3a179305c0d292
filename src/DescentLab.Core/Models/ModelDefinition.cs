namespace DescentLab.Core.Models;

/// <summary>A catalog entry built from a factory function.</summary>
public sealed class ModelDefinition : IModelDefinition
{
    private readonly Func<int, LossKind, IModelHandle> _create;

    /// <summary>An entry that builds handles with <paramref name="create"/>.</summary>
    public ModelDefinition(string name, string description, IReadOnlyList<int> dimensions, IReadOnlyList<LossKind> losses, Func<int, LossKind, IModelHandle> create)
    {
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
    public IModelHandle Create(int dimension, LossKind loss)
    {
        if (!Dimensions.Contains(dimension))
        {
            throw new ArgumentException($"Model {Name} does not take {dimension}-D inputs.", nameof(dimension));
        }

        if (!Losses.Contains(loss))
        {
            throw new ArgumentException($"Model {Name} does not support loss {loss}.", nameof(loss));
        }

        return _create(dimension, loss);
    }
}
