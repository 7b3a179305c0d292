namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>One variant's expected best score against its tuning budget on one problem (<see cref="ExpectedBest"/>).</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Scores">Each trial's <see cref="TrialScore"/> in trial order, a score that is not finite replaced by the
/// worst finite score of the problem's trials (<see cref="NotFinite"/>); empty when no trial of the problem has a finite one.</param>
/// <param name="Mean">Expected best score of k trials at index k − 1, k = 1 … B; empty with <paramref name="Scores"/>.</param>
/// <param name="Variance">Its variance at index k − 1.</param>
/// <param name="NotFinite">Trials whose score was not finite (diverged or failed on at least half of the tuning seeds).</param>
/// <param name="HigherIsBetter">The score is an accuracy: the best is the largest.</param>
public sealed record BudgetCurve(
    ProblemKey Problem,
    string Variant,
    IReadOnlyList<double> Scores,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Variance,
    int NotFinite,
    bool HigherIsBetter)
{
    /// <summary>Trials of the variant (its budget B).</summary>
    public int Trials { get; init; }

    /// <summary>One curve per problem × variant of <paramref name="trials"/>, problems and variants in order of first
    /// appearance.</summary>
    /// <remarks>The expected best of a distribution that holds +∞ is +∞ for every k, since all k draws can be that trial; a
    /// trial that diverged would hide every curve. It therefore counts as the problem's worst finished trial (over all
    /// variants, so every curve of a problem is censored at the same value), and <see cref="NotFinite"/> says how many did.
    /// The curve is then a bound on the good side of the true expectation, and says so where it is drawn.</remarks>
    public static IReadOnlyList<BudgetCurve> From(IReadOnlyList<TrialResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var curves = new List<BudgetCurve>();
        foreach (var problem in trials.GroupBy(t => t.Problem))
        {
            var judged = TrialGroups.Judgment(problem);
            bool higher = TrialScore.HigherIsBetter(judged);
            var finite = problem.Select(t => TrialScore.Of(t.Entry, judged)).Where(double.IsFinite).ToList();
            foreach (var (variant, variantTrials) in TrialGroups.ByVariant(problem))
            {
                var raw = variantTrials.Select(t => TrialScore.Of(t.Entry, judged)).ToList();
                int notFinite = raw.Count(s => !double.IsFinite(s));
                if (finite.Count == 0)
                {
                    curves.Add(new BudgetCurve(problem.Key, variant, [], [], [], notFinite, higher) { Trials = raw.Count });
                    continue;
                }

                double worst = higher ? finite.Min() : finite.Max();
                var scores = raw.Select(s => double.IsFinite(s) ? s : worst).ToList();
                var (mean, variance) = ExpectedBest.Curve(scores, higher);
                curves.Add(new BudgetCurve(problem.Key, variant, scores, mean, variance, notFinite, higher) { Trials = raw.Count });
            }
        }

        return curves;
    }

    /// <summary>The band drawn around the mean at budget k (1-based): mean ± one standard deviation, clipped to the range of
    /// the scores (no budget does better than the best trial or worse than the worst).</summary>
    public (double Low, double High) Band(int k)
    {
        double mean = Mean[k - 1];
        double sd = Math.Sqrt(Variance[k - 1]);
        return (Math.Max(mean - sd, Scores.Min()), Math.Min(mean + sd, Scores.Max()));
    }
}
