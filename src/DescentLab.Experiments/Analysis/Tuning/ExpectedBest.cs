namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>Expected best score of a budget of k trials, exact from the B trials run: the expected validation performance
/// of Dodge et al. 2019, "Show Your Work: Improved Reporting of Experimental Results" (EMNLP 2019).</summary>
/// <remarks>The k trials are drawn uniformly at random <em>with replacement</em> from the B scores (their empirical
/// distribution), as Dodge et al. do. With the scores sorted worst first, v₁ … v_B, the best of k draws is at most as good
/// as v_i with probability (i/B)^k, so it is v_i with probability w_i = (i/B)^k − ((i−1)/B)^k and
/// E = Σ w_i·v_i, Var = Σ w_i·(v_i − E)². Tied scores need no special care: their weights add up to the probability of
/// the tied value. The variance is summed around the mean rather than as E[v²] − E², which loses digits to cancellation.</remarks>
public static class ExpectedBest
{
    /// <summary>Mean and variance of the best of <paramref name="k"/> draws from <paramref name="scores"/>.</summary>
    /// <param name="scores">The trials' scores, all finite, at least one.</param>
    /// <param name="k">Trials drawn, at least 1.</param>
    /// <param name="higherIsBetter">Best means largest (accuracy) rather than smallest (gap, loss).</param>
    public static (double Mean, double Variance) Of(IReadOnlyList<double> scores, int k, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var worstFirst = WorstFirst(scores, higherIsBetter);
        var weights = Weights(worstFirst.Length, k);
        double mean = 0;
        for (int i = 0; i < worstFirst.Length; i++)
        {
            mean += weights[i] * worstFirst[i];
        }

        double variance = 0;
        for (int i = 0; i < worstFirst.Length; i++)
        {
            double d = worstFirst[i] - mean;
            variance += weights[i] * d * d;
        }

        return (mean, variance);
    }

    /// <summary>The mean and variance for every budget k = 1 … B (index k − 1).</summary>
    public static (double[] Mean, double[] Variance) Curve(IReadOnlyList<double> scores, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var mean = new double[scores.Count];
        var variance = new double[scores.Count];
        for (int k = 1; k <= scores.Count; k++)
        {
            (mean[k - 1], variance[k - 1]) = Of(scores, k, higherIsBetter);
        }

        return (mean, variance);
    }

    private static double[] WorstFirst(IReadOnlyList<double> scores, bool higherIsBetter)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("The expected best needs at least one trial's score.", nameof(scores));
        }

        if (scores.Any(s => !double.IsFinite(s)))
        {
            throw new ArgumentException("The expected best is defined for finite scores only.", nameof(scores));
        }

        var sorted = scores.ToArray();
        Array.Sort(sorted);
        if (!higherIsBetter)
        {
            Array.Reverse(sorted);
        }

        return sorted;
    }

    // w_i = (i/B)^k − ((i−1)/B)^k: the probability that the best of k draws is the i-th worst score.
    private static double[] Weights(int count, int k)
    {
        var weights = new double[count];
        double below = 0;
        for (int i = 1; i <= count; i++)
        {
            double atMost = i == count ? 1 : Math.Pow((double)i / count, k);
            weights[i - 1] = atMost - below;
            below = atMost;
        }

        return weights;
    }
}
