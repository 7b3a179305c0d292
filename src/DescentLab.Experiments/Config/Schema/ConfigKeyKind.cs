namespace DescentLab.Experiments.Config.Schema;

/// <summary>What a config key takes, as the reference table names it.</summary>
public enum ConfigKeyKind
{
    /// <summary>A whole number within the key's range.</summary>
    Integer,

    /// <summary>A finite number within the key's range.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A non-empty text.</summary>
    Text,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>A list; its items are described with the key.</summary>
    List,

    /// <summary>A mapping; its keys are rows of their own or described with the key.</summary>
    Mapping,
}
