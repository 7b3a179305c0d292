namespace DescentLab.Core.Metrics;

/// <summary>Newton directions from a possibly indefinite Hessian: (H + λI) d = -g with the smallest λ that makes the
/// factorisation succeed and d a descent direction.</summary>
internal static class DampedCholesky
{
    /// <summary>Writes d for <paramref name="h"/> (row-major p×p) and <paramref name="g"/>; falls back to -g when no λ up
    /// to 1e30 times the diagonal scale gives a descent direction.</summary>
    public static void Direction(double[] h, double[] g, double[] d, int p)
    {
        double scale = 0;
        for (int j = 0; j < p; j++)
        {
            scale = Math.Max(scale, Math.Abs(h[j * p + j]));
        }

        scale = Math.Max(scale, 1e-300);
        var l = new double[p * p];
        for (double lambda = 0; lambda < 1e30 * scale; lambda = lambda == 0 ? 1e-12 * scale : lambda * 10)
        {
            if (Factor(h, lambda, l, p))
            {
                Solve(l, g, d, p);
                if (Vectors.Dot(g, d) < 0)
                {
                    return;
                }
            }
        }

        for (int j = 0; j < p; j++)
        {
            d[j] = -g[j];
        }
    }

    private static bool Factor(double[] h, double lambda, double[] l, int p)
    {
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = h[i * p + j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i * p + k] * l[j * p + k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return false;
                    }

                    l[i * p + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }

        return true;
    }

    private static void Solve(double[] l, double[] g, double[] d, int p)
    {
        for (int i = 0; i < p; i++)
        {
            double sum = -g[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[i * p + k] * d[k];
            }

            d[i] = sum / l[i * p + i];
        }

        for (int i = p - 1; i >= 0; i--)
        {
            double sum = d[i];
            for (int k = i + 1; k < p; k++)
            {
                sum -= l[k * p + i] * d[k];
            }

            d[i] = sum / l[i * p + i];
        }
    }
}
