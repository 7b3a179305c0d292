using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>The first curve row whose gap is at or below a target: its epoch and step (what a runtime is counted from).</summary>
/// <param name="Epoch">Epoch of the row.</param>
/// <param name="Step">Step of the row.</param>
public readonly record struct CurveHit(int Epoch, long Step)
{
    /// <summary>The hits of <paramref name="curve"/> for <paramref name="targets"/> taken largest first: one per target
    /// reached, so the list is shorter than the targets when the curve never reached the smallest ones.</summary>
    public static CurveHit[] Of(Curve curve, IReadOnlyList<double> targets)
    {
        var sorted = targets.OrderDescending().ToArray();
        var hits = new List<CurveHit>(sorted.Length);
        for (int i = 0; i < curve.Count && hits.Count < sorted.Length; i++)
        {
            double gap = curve.Gap[i];
            while (hits.Count < sorted.Length && gap <= sorted[hits.Count])
            {
                hits.Add(new CurveHit(curve.Epoch[i], curve.Step[i]));
            }
        }

        return [.. hits];
    }
}
