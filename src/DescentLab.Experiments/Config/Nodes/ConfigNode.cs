namespace DescentLab.Experiments.Config.Nodes;

/// <summary>A value of a parsed config file (YAML or JSON) with its 1-based position.</summary>
/// <remarks>Both formats are read into this one small tree, so a single validator serves both.</remarks>
internal abstract class ConfigNode
{
    protected ConfigNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line where the value starts.</summary>
    public int Line { get; }

    /// <summary>1-based column where the value starts.</summary>
    public int Column { get; }

    /// <summary>The <c>--set</c> override that wrote this node, or null for a node of the file.</summary>
    public OverrideSource? Override { get; init; }

    /// <summary>How the value reads in a "got ..." message: <c>-1</c>, <c>'fast'</c>, <c>a list</c>.</summary>
    public abstract string Describe();
}
