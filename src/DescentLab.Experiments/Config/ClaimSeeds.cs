namespace DescentLab.Experiments.Config;

/// <summary>Over which runs a <see cref="NoteClaim"/> must hold (one run per seed and problem in the note's scope).</summary>
public enum ClaimSeeds
{
    /// <summary>Every run.</summary>
    All,

    /// <summary>At least one run.</summary>
    Any,

    /// <summary>The median over the runs (the lower median for measures to target, as the leaderboards take it).</summary>
    Median,
}
