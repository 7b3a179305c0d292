using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>The gap (or the loss) of one variant setting over its seeds, row by row: median line and min–max band.</summary>
/// <param name="X">Position of each row on the chosen x axis: epoch (fractional in step mode), gradient evaluations or
/// milliseconds.</param>
/// <param name="Median">Median value; shorter than <paramref name="X"/> when the median became non-finite (diverged).</param>
/// <param name="Low">Smallest finite value per row.</param>
/// <param name="High">Largest finite value per row; <paramref name="Low"/> and <paramref name="High"/> end where no seed is finite.</param>
public sealed record CurveBand(double[] X, double[] Median, double[] Low, double[] High)
{
    /// <summary>The band of the gaps of <paramref name="runs"/> against epochs; null when none of them has a curve.</summary>
    public static CurveBand? Build(SettingRuns runs, ICurveSource curves) =>
        Build(runs, curves, ConvergenceAxis.Epochs, CurveMeasure.Gap);

    /// <summary>The band of <paramref name="runs"/>; null when none of them has a curve.</summary>
    /// <remarks>A seed that stopped early at the target keeps its last value; a diverged seed counts as +∞ from its first
    /// non-finite row on, so the median stops at the last finite value once half the seeds have diverged. Seeds of one
    /// setting share n and batch, so a row has the same epoch and gradient evaluations in each; on the wall-time axis a row
    /// sits at its gradient evaluations times the median over seeds of wall_ms / grad_evals (each run's measured time spread
    /// evenly over its gradient evaluations).</remarks>
    /// <param name="runs">The setting's runs.</param>
    /// <param name="curves">Curves by run id (read when needed).</param>
    /// <param name="x">The x axis.</param>
    /// <param name="measure">What to band: the gap, the loss (a problem whose infimum makes the gap meaningless) or the
    /// accuracy (a seed whose curve has none is left out).</param>
    public static CurveBand? Build(SettingRuns runs, ICurveSource curves, ConvergenceAxis x, CurveMeasure measure)
    {
        var seeds = new List<(Curve Curve, bool Diverged)>();
        foreach (var row in runs.Rows)
        {
            if (row.Status != RunStatus.Failed && curves.TryRead(row.RunId, out var curve) && curve.Count > 0
                && (measure != CurveMeasure.Accuracy || curve.Accuracy is not null))
            {
                seeds.Add((curve, row.Status == RunStatus.Diverged));
            }
        }

        if (seeds.Count == 0)
        {
            return null;
        }

        var longest = seeds.MaxBy(s => s.Curve.Count).Curve;
        var xs = Axis(longest, runs.Rows, x);
        var median = new List<double>();
        var low = new List<double>();
        var high = new List<double>();
        bool medianOpen = true;
        var values = new double[seeds.Count];
        for (int i = 0; i < longest.Count; i++)
        {
            double min = double.PositiveInfinity;
            double max = double.NegativeInfinity;
            for (int s = 0; s < seeds.Count; s++)
            {
                values[s] = ValueAt(Values(seeds[s].Curve, measure), seeds[s].Curve.Count, seeds[s].Diverged, i);
                if (double.IsFinite(values[s]))
                {
                    min = Math.Min(min, values[s]);
                    max = Math.Max(max, values[s]);
                }
            }

            double m = Experiments.Analysis.Median.Of(values);
            medianOpen &= double.IsFinite(m);
            if (medianOpen)
            {
                median.Add(m);
            }

            if (min > max)
            {
                break;
            }

            low.Add(min);
            high.Add(max);
        }

        return new CurveBand(xs, [.. median], [.. low], [.. high]);
    }

    /// <summary>At most about <paramref name="maxPoints"/> points: row 0 kept, the rest cut into equal bins of rows, each
    /// drawn at its last x with the median of its medians and the min of its lows / max of its highs, so the envelope
    /// keeps every excursion while the median line stops zig-zagging step by step.</summary>
    public CurveBand Decimated(int maxPoints)
    {
        if (X.Length <= maxPoints || maxPoints < 2)
        {
            return this;
        }

        int bin = (int)Math.Ceiling((X.Length - 1) / (double)(maxPoints - 1));
        var x = new List<double> { X[0] };
        var median = new List<double>(Median.Take(1));
        var low = new List<double>(Low.Take(1));
        var high = new List<double>(High.Take(1));
        for (int start = 1; start < X.Length; start += bin)
        {
            int end = Math.Min(start + bin, X.Length);
            x.Add(X[end - 1]);
            if (end <= Median.Length)
            {
                median.Add(Experiments.Analysis.Median.Of(Median[start..end]));
            }

            if (end <= Low.Length)
            {
                low.Add(Low[start..end].Min());
                high.Add(High[start..end].Max());
            }
        }

        return new CurveBand([.. x], [.. median], [.. low], [.. high]);
    }

    private static double[] Values(Curve curve, CurveMeasure measure) => measure switch
    {
        CurveMeasure.Loss => curve.Loss,
        CurveMeasure.Accuracy => curve.Accuracy!,
        _ => curve.Gap,
    };

    private static double ValueAt(double[] values, int count, bool diverged, int row)
    {
        if (row < count)
        {
            double value = values[row];
            return double.IsFinite(value) ? value : double.PositiveInfinity;
        }

        double last = values[count - 1];
        return diverged || !double.IsFinite(last) ? double.PositiveInfinity : last;
    }

    /// <summary>The x of every row of <paramref name="curve"/> on <paramref name="axis"/>.</summary>
    private static double[] Axis(Curve curve, IReadOnlyList<SummaryRow> rows, ConvergenceAxis axis)
    {
        var row = rows[0];
        var x = new double[curve.Count];
        if (axis == ConvergenceAxis.Epochs)
        {
            // In step mode (several rows per epoch) the step count over the updates per epoch.
            bool stepMode = curve.Count > 1 && curve.Epoch[^1] + 1 < curve.Count;
            double updatesPerEpoch = Math.Ceiling((double)row.N / Math.Max(1, row.Batch));
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = stepMode ? curve.Step[i] / updatesPerEpoch : curve.Epoch[i];
            }

            return x;
        }

        double perEval = axis == ConvergenceAxis.WallMs ? MillisecondsPerGradEval(rows) : 1;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = GradEvals.At(curve.Epoch[i], curve.Step[i], row.N, row.Batch) * perEval;
        }

        return x;
    }

    /// <summary>Median over the runs that spent any gradient evaluation of their wall time per evaluation; 0 when none did.</summary>
    private static double MillisecondsPerGradEval(IReadOnlyList<SummaryRow> rows)
    {
        var rates = rows.Where(r => r.GradEvals > 0 && r.Status != RunStatus.Failed).Select(r => r.WallMs / r.GradEvals).ToList();
        return rates.Count == 0 ? 0 : Experiments.Analysis.Median.Of(rates);
    }
}
