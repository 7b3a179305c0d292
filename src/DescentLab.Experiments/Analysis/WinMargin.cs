namespace DescentLab.Experiments.Analysis;

/// <summary>Which key of <see cref="LeaderRule"/> put a problem's winner above its runner-up.</summary>
public enum WinMargin
{
    /// <summary>Only one setting ran.</summary>
    Alone,

    /// <summary>Fewer epochs to target among converged runs (median over seeds; a seed that did not converge counts as never).</summary>
    FewerEpochs,

    /// <summary>Same epochs to target (or neither converged) on a problem with an infimum reference: higher median accuracy.</summary>
    HigherAccuracy,

    /// <summary>Same epochs to target and accuracy on a problem with an infimum reference: smaller median final loss.</summary>
    SmallerLoss,

    /// <summary>Same epochs to target (or neither converged): smaller median final gap beyond rounding.</summary>
    SmallerGap,

    /// <summary>Equal on every judging key: fewer epochs run, catalog order or plan order decided.</summary>
    Tie,
}
