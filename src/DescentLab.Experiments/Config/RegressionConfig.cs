namespace DescentLab.Experiments.Config;

/// <summary>Regression block (SPEC §3 <c>regression</c>).</summary>
/// <param name="Baseline">Baseline summary CSV (resolved against the config folder), or <c>previous</c> for the last complete run set in history.</param>
/// <param name="GapRelTol">Relative growth of final_gap tolerated.</param>
/// <param name="GapAbsTol">Absolute floor for gaps near zero.</param>
/// <param name="EpochsTol">Growth of epochs_to_target tolerated.</param>
/// <param name="Fail">Exit with code 3 on a regression.</param>
public sealed record RegressionConfig(string Baseline, double GapRelTol = 1e-9, double GapAbsTol = 1e-12, int EpochsTol = 0, bool Fail = false)
{
    /// <summary>The keyword for "compare with the last complete run set in history".</summary>
    public const string Previous = "previous";
}
