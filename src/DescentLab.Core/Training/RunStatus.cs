namespace DescentLab.Core.Training;

/// <summary>How a run ended (<c>status</c>).</summary>
public enum RunStatus
{
    /// <summary>The gap reached <c>target_gap</c>.</summary>
    Converged,

    /// <summary>The epochs ran out before the gap reached the target.</summary>
    NotConverged,

    /// <summary>The loss became non-finite or grew beyond <c>diverge_factor</c> times the initial loss.</summary>
    Diverged,

    /// <summary>The run could not be carried out (set by the runner, with a message).</summary>
    Failed,
}
