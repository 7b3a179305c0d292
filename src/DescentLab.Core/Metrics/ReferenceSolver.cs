using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Core.Metrics;

/// <summary>Finds a problem's reference L* and its kind deterministically from the data and model alone, so
/// gaps compare across nights, shards and re-renders.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A model with a closed form: the normal equations, <see cref="ReferenceKind.Exact"/>.</item>
/// <item>A convex loss (logistic with cross-entropy): one damped Newton solve from the model's start (θ = 0). A
/// stationary point (max |g| ≤ 1e-8·L + 1e-14, max |θ| ≤ <see cref="ModerateBound"/>) is
/// <see cref="ReferenceKind.Exact"/>; parameters running past the bound while sharpening them does not raise the loss
/// (separable classes) make it an <see cref="ReferenceKind.Infimum"/> whose L* is the loss in the limit.</item>
/// <item>A non-convex loss (logistic with mse, the mlp): the same solve from the model's start and from
/// further starts (<see cref="StartPoints"/>: a grid of directions for up to three parameters, else
/// <see cref="ExtraStarts"/> seeded draws), screened on a strided subsample of large data; the lowest value wins. If that is a limit, the
/// problem is an <see cref="ReferenceKind.Infimum"/>; otherwise <see cref="ReferenceKind.BestKnown"/>, a local optimum that
/// a run may beat.</item>
/// </list>
/// <see cref="Optimum.Attained"/> is true only for a certified stationary point.
/// </remarks>
public static class ReferenceSolver
{
    /// <summary>Newton iteration cap per start.</summary>
    public const int MaxIterations = 200;

    /// <summary>Largest parameter magnitude of a certified minimiser. Beyond it a sigmoid of inputs of order one switches
    /// within 0.004 of its input, finer than the spacing of the recipes' beans, so the point is judged by the ray test
    /// instead: a step in disguise or a genuine, if steep, minimum.</summary>
    public const double ModerateBound = 1e3;

    /// <summary>Stationarity, relative part: max |g| ≤ 1e-8·L + 1e-14. A converged Newton solve on the bean problems ends with
    /// max |g| between 1e-17 and 1e-14 (rounding in the mean over n samples), far below 1e-8·L; on separable data the
    /// gradient shrinks with the loss itself (max |g| ≈ L), so a point that merely has a tiny loss never passes.</summary>
    public const double RelativeGradientTolerance = 1e-8;

    /// <summary>Stationarity, absolute part (see <see cref="RelativeGradientTolerance"/>): admits an exact zero-loss fit.</summary>
    public const double AbsoluteGradientTolerance = 1e-14;

    /// <summary>Seeded starts added for non-convex problems with more parameters than the start grid covers.</summary>
    public const int ExtraStarts = 8;

    /// <summary>Above this many samples, the starts of a non-convex problem are screened on this many evenly strided ones,
    /// so the multi-start costs the same at n = 10^7 as at n = 2,048.</summary>
    public const int ScreeningSamples = 2048;

    /// <summary>Screened candidates solved again on all the data.</summary>
    public const int PolishedCandidates = 2;

    /// <summary>L* of <paramref name="samples"/> for <paramref name="model"/>, with its kind.</summary>
    public static Optimum Solve<TModel>(TModel model, Samples samples)
        where TModel : struct, IModel
    {
        var theta = new double[model.ParameterCount];
        if (model.TrySolveClosedForm(samples, theta) && Vectors.AllFinite(theta))
        {
            double loss = model.Loss(samples, 0, samples.Count, theta);
            if (double.IsFinite(loss))
            {
                return new Optimum(loss, theta, true, "closed_form", 0, ReferenceKind.Exact);
            }
        }

        var best = model.IsConvex ? NewtonSolve.Run(model, samples, StartPoints.For(model, samples, true)[0]) : MultiStart(model, samples);
        string method = model.IsConvex ? "newton" : "multistart";
        return best!.Outcome switch
        {
            LocalOutcome.Runaway => new Optimum(best.Value, best.Theta, false, method, best.Iterations, ReferenceKind.Infimum, best.Far),
            LocalOutcome.Stationary when model.IsConvex => new Optimum(best.Value, best.Theta, true, method, best.Iterations, ReferenceKind.Exact),
            _ => new Optimum(best.Value, best.Theta, best.Outcome == LocalOutcome.Stationary, method, best.Iterations, ReferenceKind.BestKnown),
        };
    }

    /// <summary>Every start of a non-convex problem, each solved on <see cref="ScreeningSamples"/> evenly strided samples when
    /// there are more; the best <see cref="PolishedCandidates"/> of those are then solved again from where they ended on all
    /// the data, alongside start 0.</summary>
    private static LocalSolution MultiStart<TModel>(TModel model, Samples samples)
        where TModel : struct, IModel
    {
        var starts = StartPoints.For(model, samples, false);
        bool screened = samples.Count > ScreeningSamples;
        var screen = screened ? Stride(samples, ScreeningSamples) : samples;
        var candidates = new List<LocalSolution>();
        foreach (var start in starts)
        {
            var solution = NewtonSolve.Run(model, screen, start);
            candidates.Add(solution);
            if (solution.Outcome == LocalOutcome.Runaway && solution.Value == 0)
            {
                break; // a loss is never negative: no start can do better
            }
        }

        if (!screened)
        {
            return candidates.Aggregate((best, next) => Better(next, best) ? next : best);
        }

        var polished = new List<LocalSolution> { NewtonSolve.Run(model, samples, starts[0]) };
        var order = Enumerable.Range(0, candidates.Count).ToList();
        order.Sort((a, b) => Better(candidates[a], candidates[b]) ? -1 : Better(candidates[b], candidates[a]) ? 1 : a.CompareTo(b));
        foreach (int index in order.Take(PolishedCandidates))
        {
            polished.Add(NewtonSolve.Run(model, samples, candidates[index].Theta));
        }

        return polished.Aggregate((best, next) => Better(next, best) ? next : best);
    }

    private static Samples Stride(Samples samples, int count)
    {
        var x1 = new double[count];
        var x2 = samples.X2.Length == 0 ? [] : new double[count];
        var y = new double[count];
        for (int k = 0; k < count; k++)
        {
            int i = (int)((long)k * samples.Count / count);
            x1[k] = samples.X1[i];
            y[k] = samples.Y[i];
            if (x2.Length != 0)
            {
                x2[k] = samples.X2[i];
            }
        }

        return new Samples(x1, x2, y);
    }

    /// <summary>A lower value wins; at equal values a certified stationary point beats a limit or an uncertified point, and
    /// otherwise the earlier start stays.</summary>
    private static bool Better(LocalSolution candidate, LocalSolution best) =>
        candidate.Value < best.Value
        || (candidate.Value == best.Value && candidate.Outcome == LocalOutcome.Stationary && best.Outcome != LocalOutcome.Stationary);
}
