using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>A list entry written as a bare name (<c>sgd</c>) or as a one-key mapping from the name to its settings (<c>sgd: {lr: 0.1}</c>).</summary>
/// <param name="Name">The name.</param>
/// <param name="NameNode">Where the name is written.</param>
/// <param name="Settings">The settings node, or null for a bare name or an empty value.</param>
internal sealed record NamedEntry(string Name, ScalarNode NameNode, ConfigNode? Settings)
{
    /// <summary>Reads an entry of a <paramref name="kind"/> list (model, variant); null after an error.</summary>
    public static NamedEntry? Read(ValidationContext context, ConfigNode node, string path, string kind, string example)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.String } name:
                return new NamedEntry(name.Text, name, null);
            case MappingNode { Entries.Count: 1 } mapping:
                var entry = mapping.Entries[0];
                return new NamedEntry(entry.Key.Text, entry.Key, entry.Value is ScalarNode { Kind: ScalarKind.Null } ? null : entry.Value);
            case MappingNode mapping:
                string keys = string.Join(", ", mapping.Entries.Select(e => $"'{e.Key.Text}'"));
                context.Error(node, path, $"expected one {kind} name with its settings, e.g. {example}; got {mapping.Entries.Count} keys ({keys}): are the settings indented under the name?");
                return null;
            default:
                context.Error(node, path, $"expected a {kind} name or a mapping such as {example}, got {node.Describe()}");
                return null;
        }
    }
}
