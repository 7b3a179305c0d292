namespace DescentLab.Core.Training;

/// <summary>How a run ended: the <c>status</c> column of summary.csv.</summary>
public enum RunStatus
{
    /// <summary>The final state meets every target of the problem.</summary>
    Converged,

    /// <summary>The epochs ran out and no recorded state met the targets.</summary>
    NotConverged,

    /// <summary>A recorded state met the targets, but the final state does not: reached, then lost.</summary>
    LostTarget,

    /// <summary>The loss became non-finite or grew beyond <c>diverge_factor</c> times the initial loss.</summary>
    Diverged,

    /// <summary>The run could not be carried out (set by the runner, with a message).</summary>
    Failed,
}
