namespace DescentLab.Experiments.Analysis;

/// <summary>Why a problem's winner ranks above its runner-up.</summary>
public enum WinMargin
{
    /// <summary>Only one setting ran.</summary>
    Alone,

    /// <summary>Both reached the target; the winner in fewer epochs (median over seeds).</summary>
    FewerEpochs,

    /// <summary>Only the winner reached the target in at least half of its seeds.</summary>
    OnlyOneReachedTarget,

    /// <summary>Same epochs to target (or neither reached it); the winner has the smaller median final gap.</summary>
    SmallerGap,

    /// <summary>Same epochs to target (or neither reached it) on a problem judged by loss and accuracy (an infimum); the
    /// winner has the higher median accuracy.</summary>
    HigherAccuracy,

    /// <summary>Same epochs to target and accuracy on a problem judged by loss and accuracy; the winner has the smaller
    /// median final loss.</summary>
    SmallerLoss,

    /// <summary>Equal on every ranking key; plan order decided.</summary>
    Tie,
}
