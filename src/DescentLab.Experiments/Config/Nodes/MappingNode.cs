namespace DescentLab.Experiments.Config.Nodes;

/// <summary>A mapping (YAML mapping or JSON object); duplicate keys are kept so the validator can report them.</summary>
internal sealed class MappingNode : ConfigNode
{
    public MappingNode(IReadOnlyList<MappingEntry> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
    }

    /// <summary>The entries in file order, duplicates included.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; }

    /// <inheritdoc/>
    public override string Describe() => "a mapping";
}
