namespace DescentLab.Core.Training;

/// <summary>How often a curve row is written (SPEC §3 <c>record</c>).</summary>
public enum RecordMode
{
    /// <summary>One row per epoch.</summary>
    Epoch,

    /// <summary>One row per parameter update (SGD jitter becomes visible).</summary>
    Step,
}
