namespace DescentLab.Experiments.Config.Nodes;

/// <summary>One key and its value in a mapping.</summary>
internal sealed record MappingEntry(ScalarNode Key, ConfigNode Value);
