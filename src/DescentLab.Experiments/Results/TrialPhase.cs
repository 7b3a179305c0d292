namespace DescentLab.Experiments.Results;

/// <summary>The phases of a tuned run set, as summary.csv writes them.</summary>
/// <remarks>Tune runs choose each variant's best trial and are not ranked; eval runs are the ones leaderboards rank.</remarks>
public static class TrialPhase
{
    /// <summary>A trial's run on a tuning seed.</summary>
    public const string Tune = "tune";

    /// <summary>The chosen trial's run on a held-out evaluation seed.</summary>
    public const string Eval = "eval";
}
