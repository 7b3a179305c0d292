using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>The gap of one variant setting over its seeds, row by row: median line and min–max band.</summary>
/// <param name="X">Epoch of each row (fractional in step mode).</param>
/// <param name="Median">Median gap; shorter than <paramref name="X"/> when the median became non-finite (diverged).</param>
/// <param name="Low">Smallest finite gap per row.</param>
/// <param name="High">Largest finite gap per row; <paramref name="Low"/> and <paramref name="High"/> end where no seed is finite.</param>
public sealed record CurveBand(double[] X, double[] Median, double[] Low, double[] High)
{
    /// <summary>The band of <paramref name="runs"/>; null when none of them has a curve.</summary>
    /// <remarks>A seed that stopped early at the target keeps its last gap; a diverged seed counts as +∞ from its first
    /// non-finite row on, so the median stops at the last finite value once half the seeds have diverged.</remarks>
    public static CurveBand? Build(SettingRuns runs, ICurveSource curves)
    {
        var seeds = new List<(Curve Curve, bool Diverged)>();
        foreach (var row in runs.Rows)
        {
            if (row.Status != RunStatus.Failed && curves.TryRead(row.RunId, out var curve) && curve.Count > 0)
            {
                seeds.Add((curve, row.Status == RunStatus.Diverged));
            }
        }

        if (seeds.Count == 0)
        {
            return null;
        }

        var longest = seeds.MaxBy(s => s.Curve.Count).Curve;
        var x = EpochAxis(longest, runs.Rows[0]);
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
                values[s] = GapAt(seeds[s].Curve, seeds[s].Diverged, i);
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

        return new CurveBand(x, [.. median], [.. low], [.. high]);
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

    private static double GapAt(Curve curve, bool diverged, int row)
    {
        if (row < curve.Count)
        {
            double gap = curve.Gap[row];
            return double.IsFinite(gap) ? gap : double.PositiveInfinity;
        }

        double last = curve.Gap[curve.Count - 1];
        return diverged || !double.IsFinite(last) ? double.PositiveInfinity : last;
    }

    /// <summary>Epoch per row; in step mode (several rows per epoch) the step count over the updates per epoch.</summary>
    private static double[] EpochAxis(Curve curve, SummaryRow row)
    {
        var x = new double[curve.Count];
        bool stepMode = curve.Count > 1 && curve.Epoch[^1] + 1 < curve.Count;
        double updatesPerEpoch = Math.Ceiling((double)row.N / Math.Max(1, row.Batch));
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = stepMode ? curve.Step[i] / updatesPerEpoch : curve.Epoch[i];
        }

        return x;
    }
}
