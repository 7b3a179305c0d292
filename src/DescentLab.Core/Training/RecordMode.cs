namespace DescentLab.Core.Training;

/// <summary>How often a curve row is written (<c>record</c>).</summary>
public enum RecordMode
{
    /// <summary>One row per epoch.</summary>
    Epoch,

    /// <summary>One row per parameter update (SGD jitter becomes visible).</summary>
    Step,
}
