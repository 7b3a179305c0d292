namespace DescentLab.Core.Metrics;

/// <summary>The few small-vector operations the reference solve needs (p ≤ a few hundred; not a hot loop).</summary>
internal static class Vectors
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    public static double MaxAbs(ReadOnlySpan<double> a)
    {
        double max = 0;
        foreach (double v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    public static bool AllFinite(ReadOnlySpan<double> a)
    {
        foreach (double v in a)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
