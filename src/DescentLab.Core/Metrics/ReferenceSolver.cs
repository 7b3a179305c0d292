using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>Finds L* deterministically from the dataset and model alone, so gaps compare across nights.</summary>
/// <remarks>Closed form where the model has one. Otherwise damped Newton with Armijo backtracking from the model's own start
/// for an empty init and seed 0 (θ = 0 for logistic; a fixed non-symmetric point for the mlp, whose θ = 0 is a saddle where
/// hidden units stay identical): the Hessian (analytic, else central differences of the gradient) gets λI added until
/// Cholesky succeeds. It stops when a step no longer
/// lowers the loss by more than 1e-15 relative; if the loss still falls at <see cref="MaxIterations"/>, the infimum is
/// taken as not attained.</remarks>
public static class ReferenceSolver
{
    /// <summary>Newton iteration cap.</summary>
    public const int MaxIterations = 200;

    private const double RelativeTolerance = 1e-15;

    private static readonly IReadOnlyDictionary<string, double> NoInit = new Dictionary<string, double>();

    /// <summary>L* of <paramref name="samples"/> for <paramref name="model"/>.</summary>
    public static Optimum Solve<TModel>(TModel model, Samples samples)
        where TModel : struct, IModel
    {
        int p = model.ParameterCount;
        int n = samples.Count;
        var theta = new double[p];
        if (model.TrySolveClosedForm(samples, theta))
        {
            return new Optimum(model.Loss(samples, 0, n, theta), theta, true, "closed_form", 0, ReferenceKind.Exact);
        }

        model.Initialize(theta, NoInit, 0);
        var g = new double[p];
        var h = new double[p * p];
        var d = new double[p];
        var trial = new double[p];
        double loss = model.LossGradient(samples, 0, n, theta, g);
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            Hessian(model, samples, theta, h);
            NewtonDirection(h, g, d, p);
            double slope = Dot(g, d);
            double t = 1;
            double next = double.NaN;
            for (int halvings = 0; halvings < 60; halvings++, t *= 0.5)
            {
                for (int j = 0; j < p; j++)
                {
                    trial[j] = theta[j] + t * d[j];
                }

                next = model.Loss(samples, 0, n, trial);
                if (next <= loss + 1e-4 * t * slope)
                {
                    break;
                }
            }

            if (!(next < loss))
            {
                return new Optimum(loss, theta, true, "newton", iteration, ReferenceKind.Exact);
            }

            Array.Copy(trial, theta, p);
            bool settled = loss - next <= RelativeTolerance * Math.Abs(loss);
            loss = model.LossGradient(samples, 0, n, theta, g);
            if (settled)
            {
                return new Optimum(loss, theta, true, "newton", iteration, ReferenceKind.Exact);
            }
        }

        return new Optimum(loss, theta, false, "newton", MaxIterations, ReferenceKind.Infimum);
    }

    private static void Hessian<TModel>(TModel model, Samples samples, double[] theta, double[] h)
        where TModel : struct, IModel
    {
        if (model.TryHessian(samples, theta, h))
        {
            return;
        }

        int p = theta.Length;
        var plus = new double[p];
        var minus = new double[p];
        var probe = (double[])theta.Clone();
        for (int j = 0; j < p; j++)
        {
            double step = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
            probe[j] = theta[j] + step;
            model.LossGradient(samples, 0, samples.Count, probe, plus);
            probe[j] = theta[j] - step;
            model.LossGradient(samples, 0, samples.Count, probe, minus);
            probe[j] = theta[j];
            for (int k = 0; k < p; k++)
            {
                h[k * p + j] = (plus[k] - minus[k]) / (2 * step);
            }
        }
    }

    /// <summary>Solves (H + λI) d = -g with the smallest λ in {0, 1e-12·s, 1e-11·s, ...} for which Cholesky succeeds;
    /// falls back to steepest descent if d is not a descent direction.</summary>
    private static void NewtonDirection(double[] h, double[] g, double[] d, int p)
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
            if (Cholesky(h, lambda, l, p))
            {
                SolveCholesky(l, g, d, p);
                if (Dot(g, d) < 0)
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

    private static bool Cholesky(double[] h, double lambda, double[] l, int p)
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

    private static void SolveCholesky(double[] l, double[] g, double[] d, int p)
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

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }
}
