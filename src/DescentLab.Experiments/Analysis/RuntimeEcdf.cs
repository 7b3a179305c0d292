using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>COCO-style runtime distributions: per setting, the share of (problem, seed, target) triples solved within a
/// budget of gradient evaluations, over a ladder of gap targets.</summary>
/// <param name="Targets">The gap targets, largest (easiest) first.</param>
/// <param name="Trials">(problem, seed) runs in the whole set times the targets: the denominator of every curve.</param>
/// <param name="Curves">One curve per variant setting, in plan order.</param>
/// <remarks>A run solves a target at the first curve row whose gap is at or below it; its runtime is the gradient
/// evaluations spent by then (<see cref="GradEvals"/>). A setting that skipped a problem (closed_form on logistic)
/// counts those trials as unsolved, so every curve shares one denominator.</remarks>
public sealed record RuntimeEcdf(IReadOnlyList<double> Targets, int Trials, IReadOnlyList<EcdfCurve> Curves)
{
    /// <summary>The default ladder: gap 1e-1, 1e-2, ..., 1e-8.</summary>
    public static IReadOnlyList<double> DefaultTargets { get; } = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

    /// <summary>The distributions of <paramref name="set"/> over <paramref name="targets"/>.</summary>
    public static RuntimeEcdf From(RunSet set, IReadOnlyList<double> targets)
    {
        int runs = set.Rows.Select(r => (ProblemKey.From(r), r.Seed)).Distinct().Count();
        var runtimes = new Dictionary<VariantSetting, List<long>>();
        var order = new List<VariantSetting>();
        foreach (var row in set.Rows)
        {
            var setting = VariantSetting.From(row);
            if (!runtimes.TryGetValue(setting, out var list))
            {
                list = [];
                runtimes.Add(setting, list);
                order.Add(setting);
            }

            if (row.Status != RunStatus.Failed && set.Curves.Contains(row.RunId))
            {
                list.AddRange(set.Curves.Hits(row.RunId, targets).Select(hit => GradEvals.At(hit.Epoch, hit.Step, row.N, row.Batch)));
            }
        }

        int trials = runs * targets.Count;
        return new RuntimeEcdf(targets, trials, order.Select(s => new EcdfCurve(s, [.. runtimes[s].Order()], trials)).ToList());
    }
}
