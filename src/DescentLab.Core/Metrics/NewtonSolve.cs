using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>One damped Newton solve with Armijo backtracking from a given start, certified at its end.</summary>
/// <remarks>The Hessian is the model's own where it has one, else central differences of the gradient. The solve stops at
/// rounding-level stationarity, when no step lowers the loss any more, at <see cref="ReferenceSolver.MaxIterations"/>,
/// or, as soon as the parameters pass <see cref="ReferenceSolver.ModerateBound"/>, when the ray tests of
/// <see cref="RayLimit"/> shows the loss running off towards an infimum (so separable data cost a dozen iterations, not
/// the cap). Where it stops, the ray test is applied again: if the limit along θ's ray is no higher than the loss at θ,
/// the solve offers that limit as an infimum.</remarks>
internal static class NewtonSolve
{
    public static LocalSolution Run<TModel>(TModel model, Samples samples, double[] start)
        where TModel : struct, IModel
    {
        int p = model.ParameterCount;
        int n = samples.Count;
        var theta = (double[])start.Clone();
        var g = new double[p];
        var h = new double[p * p];
        var d = new double[p];
        var trial = new double[p];
        double loss = model.LossGradient(samples, 0, n, theta, g);
        int iteration = 0;
        while (iteration < ReferenceSolver.MaxIterations)
        {
            if (Stationary(g, theta, loss) || RunsAway(model, samples, theta, loss))
            {
                break;
            }

            iteration++;
            Hessian(model, samples, theta, h);
            DampedCholesky.Direction(h, g, d, p);
            double slope = Vectors.Dot(g, d);
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
                if (FinishesByGradient(model, samples, theta, g, d, ref loss))
                {
                    continue;
                }

                break;
            }

            Array.Copy(trial, theta, p);
            loss = model.LossGradient(samples, 0, n, theta, g);
        }

        // The ray test comes first: a point that sharpening does not make worse is a step in disguise, however flat.
        var (limit, far) = RayLimit.Of(model, samples, theta);
        if (limit <= loss)
        {
            return new LocalSolution(theta, loss, limit, LocalOutcome.Runaway, iteration, far);
        }

        return Stationary(g, theta, loss)
            ? new LocalSolution(theta, loss, loss, LocalOutcome.Stationary, iteration, null)
            : new LocalSolution(theta, loss, loss, LocalOutcome.Unverified, iteration, null);
    }

    /// <summary>Near a minimum the decrease a Newton step promises, about g·d/2, drops below the rounding of L itself, and
    /// the line search sees no progress while |g| is still above rounding level. There the full step is taken if it
    /// shrinks max |g|: the last digits are settled by the gradient, which the loss can no longer resolve.</summary>
    private static bool FinishesByGradient<TModel>(TModel model, Samples samples, double[] theta, double[] g, double[] d, ref double loss)
        where TModel : struct, IModel
    {
        if (!(Math.Abs(Vectors.Dot(g, d)) <= 1e-12 * Math.Abs(loss)))
        {
            return false;
        }

        int p = theta.Length;
        var trial = new double[p];
        var trialGradient = new double[p];
        for (int j = 0; j < p; j++)
        {
            trial[j] = theta[j] + d[j];
        }

        double trialLoss = model.LossGradient(samples, 0, samples.Count, trial, trialGradient);
        if (!(Vectors.MaxAbs(trialGradient) < Vectors.MaxAbs(g)) || !(trialLoss <= loss + 1e-15 * Math.Abs(loss)))
        {
            return false;
        }

        Array.Copy(trial, theta, p);
        Array.Copy(trialGradient, g, p);
        loss = trialLoss;
        return true;
    }

    /// <summary>Max |g| at rounding level relative to the loss (so the vanishing gradient of a vanishing loss on separable
    /// data does not count), at finite, moderate parameters.</summary>
    private static bool Stationary(double[] g, double[] theta, double loss) =>
        Vectors.AllFinite(theta) && Vectors.MaxAbs(theta) <= ReferenceSolver.ModerateBound
        && Vectors.MaxAbs(g) <= ReferenceSolver.RelativeGradientTolerance * loss + ReferenceSolver.AbsoluteGradientTolerance;

    /// <summary>Whether the solve can stop at an infimum now: sharpening θ no longer raises the loss and either θ is past
    /// the moderate bound or the limit is 0, which no finite point of a non-negative loss can beat. (Below the bound a
    /// positive limit may still lose to a finite point further on, so the solve goes on.)</summary>
    private static bool RunsAway<TModel>(TModel model, Samples samples, double[] theta, double loss)
        where TModel : struct, IModel
    {
        if (!(Vectors.MaxAbs(theta) > 0))
        {
            return false;
        }

        double limit = RayLimit.Of(model, samples, theta).Limit;
        return limit <= loss && (limit == 0 || Vectors.MaxAbs(theta) > ReferenceSolver.ModerateBound);
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
}
