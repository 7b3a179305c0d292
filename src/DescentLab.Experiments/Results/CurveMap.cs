using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>Curves held in memory by run id (small sets built in place, and tests).</summary>
public sealed class CurveMap : ICurveSource
{
    private readonly IReadOnlyDictionary<string, Curve> _curves;

    /// <summary>A source over <paramref name="curves"/>.</summary>
    public CurveMap(IReadOnlyDictionary<string, Curve> curves) => _curves = curves;

    /// <summary>A source with no curves.</summary>
    public static CurveMap Empty { get; } = new(new Dictionary<string, Curve>());

    /// <inheritdoc/>
    public int Count => _curves.Count;

    /// <inheritdoc/>
    public bool Contains(string runId) => _curves.ContainsKey(runId);

    /// <inheritdoc/>
    public bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve) => _curves.TryGetValue(runId, out curve);

    /// <inheritdoc/>
    public IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets) => CurveHit.Of(_curves[runId], targets);

    /// <inheritdoc/>
    public string? FileOf(string runId) => null;
}
