namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>The tuned comparison of one problem: who wins on the held-out seeds, how the expected best grows with the
/// budget, and how much of each variant's search space works.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Judged">The measures that judge it (from the tuning runs, else the evaluation runs).</param>
/// <param name="Winner">The leader of the evaluation runs and its margin over the runner-up, or null when no evaluation
/// run of the problem is given.</param>
/// <param name="Curves">Expected best against budget, one per variant that has trials here.</param>
/// <param name="Tunability">Per variant with trials here.</param>
/// <param name="TuneSeeds">Seeds of the trials' tuning runs, ascending.</param>
/// <param name="EvalSeeds">Seeds of the evaluation runs, ascending.</param>
public sealed record TunedProblem(
    ProblemKey Problem,
    ProblemJudgment Judged,
    ProblemWinner? Winner,
    IReadOnlyList<BudgetCurve> Curves,
    IReadOnlyList<VariantTunability> Tunability,
    IReadOnlyList<ulong> TuneSeeds,
    IReadOnlyList<ulong> EvalSeeds)
{
    /// <summary>The budget every variant had, or null when variants ran different numbers of trials (or none).</summary>
    public int? CommonBudget => Tunability.Select(t => t.Trials).Distinct().ToList() is [int budget] ? budget : null;
}
