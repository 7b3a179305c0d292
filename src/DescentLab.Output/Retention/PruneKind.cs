namespace DescentLab.Output.Retention;

/// <summary>What a removal is.</summary>
public enum PruneKind
{
    /// <summary>A complete run set outside the retention rules.</summary>
    CompleteSet,

    /// <summary>A run folder without a manifest (or marked INCOMPLETE), untouched for the grace period.</summary>
    IncompleteFolder,

    /// <summary>A temporary file of an interrupted atomic write, untouched for the grace period.</summary>
    TemporaryFile,
}
