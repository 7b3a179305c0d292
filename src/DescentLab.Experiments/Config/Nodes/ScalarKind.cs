namespace DescentLab.Experiments.Config.Nodes;

/// <summary>What a scalar is, as its format decides (a quoted YAML scalar is always a string).</summary>
internal enum ScalarKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A number as written (YAML core schema or JSON number).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>No value: JSON <c>null</c>, YAML <c>~</c>, <c>null</c> or nothing.</summary>
    Null,
}
