using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>Regression block (<c>regression</c>).</summary>
/// <param name="Baseline">Baseline summary CSV (resolved against the config folder), or <c>previous</c> for the last complete run set in history.</param>
/// <param name="GapRelTol">Relative growth of final_gap tolerated.</param>
/// <param name="GapAbsTol">Absolute floor for gaps near zero.</param>
/// <param name="EpochsTol">Growth of epochs_to_target tolerated.</param>
/// <param name="Fail">Exit with code 3 on a regression (and 2 when the baseline file is missing).</param>
/// <param name="AllowMissing">Runs of the baseline absent from the run set are listed but are not regressions.</param>
/// <remarks>The default tolerances are for deterministic runs: the same code and config give bit-identical numbers, so any
/// change comes from the code. They are wide enough for rounding-level changes (a reordered sum, another JIT) that move a
/// gap by a few ulps per step: 1e-9 relative is about 10^7 ulps, and 1e-12 absolute sits above the rounding of a loss near
/// 1 accumulated over thousands of samples (docs/gate.md).</remarks>
public sealed record RegressionConfig(string Baseline, double GapRelTol = 1e-9, double GapAbsTol = 1e-12, int EpochsTol = 0, bool Fail = false, bool AllowMissing = false)
{
    /// <summary>The keyword for "compare with the last complete run set in history".</summary>
    public const string Previous = "previous";

    /// <summary>With <see cref="Previous"/>: the machine whose last complete run set is the baseline (by default this
    /// machine's own); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Machine { get; init; }
}
