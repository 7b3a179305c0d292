namespace DescentLab.Experiments.Config.Nodes;

/// <summary>A single value: its text as written and what kind of value it is.</summary>
internal sealed class ScalarNode : ConfigNode
{
    public ScalarNode(string text, ScalarKind kind, int line, int column)
        : base(line, column)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>The text (unquoted and unescaped for strings).</summary>
    public string Text { get; }

    /// <summary>The kind of value.</summary>
    public ScalarKind Kind { get; }

    /// <inheritdoc/>
    public override string Describe() => Kind switch
    {
        ScalarKind.String => $"'{Text}'",
        ScalarKind.Null => Text.Length == 0 ? "nothing" : Text,
        _ => Text,
    };
}
