using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>ERT, the expected running time to target_gap in gradient evaluations (COCO; Auger and Hansen 2005), with a
/// percentile bootstrap confidence interval over the seeds.</summary>
/// <param name="Ert">Evaluations spent by all runs (to the target when reached, in full otherwise) over the runs that
/// reached it; +∞ when none did.</param>
/// <param name="Low">Lower end of the 95 % bootstrap interval.</param>
/// <param name="High">Upper end (+∞ when a resample may hold no success).</param>
/// <param name="Successes">Runs that reached the target.</param>
/// <param name="Runs">Runs (seeds).</param>
public sealed record ExpectedRunningTime(double Ert, double Low, double High, int Successes, int Runs)
{
    /// <summary>Bootstrap resamples.</summary>
    public const int Resamples = Bootstrap.Resamples;

    /// <summary>Fixed bootstrap seed: the same runs always give the same interval, so reports stay byte-identical.</summary>
    public const ulong BootstrapSeed = Bootstrap.Seed;

    /// <summary>The ERT of <paramref name="runs"/> (one problem, one setting).</summary>
    public static ExpectedRunningTime Of(IReadOnlyList<SummaryRow> runs)
    {
        var spent = runs.Select(r => (double)(r.GradEvalsToTarget ?? r.GradEvals)).ToArray();
        var solved = runs.Select(r => r.GradEvalsToTarget is not null).ToArray();
        double ert = Estimate(spent, solved, Enumerable.Range(0, spent.Length));
        if (spent.Length == 0)
        {
            return new ExpectedRunningTime(ert, ert, ert, 0, 0);
        }

        var (low, high) = Bootstrap.Interval(spent.Length, pick => Estimate(spent, solved, pick));
        return new ExpectedRunningTime(ert, low, high, solved.Count(s => s), spent.Length);
    }

    private static double Estimate(double[] spent, bool[] solved, IEnumerable<int> indices)
    {
        double total = 0;
        int successes = 0;
        foreach (int i in indices)
        {
            total += spent[i];
            successes += solved[i] ? 1 : 0;
        }

        return successes == 0 ? double.PositiveInfinity : total / successes;
    }
}
