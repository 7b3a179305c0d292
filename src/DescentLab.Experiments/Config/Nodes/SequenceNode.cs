namespace DescentLab.Experiments.Config.Nodes;

/// <summary>A list (YAML sequence or JSON array).</summary>
internal sealed class SequenceNode : ConfigNode
{
    public SequenceNode(IReadOnlyList<ConfigNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    /// <summary>The items in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }

    /// <inheritdoc/>
    public override string Describe() => Items.Count == 0 ? "an empty list" : "a list";
}
