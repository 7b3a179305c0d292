using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>The curves of several sources whose run ids do not overlap (the shards of a merged set), read from the
/// source that holds each.</summary>
public sealed class CurveUnion : ICurveSource
{
    private readonly IReadOnlyList<ICurveSource> _sources;

    /// <summary>The union of <paramref name="sources"/>.</summary>
    public CurveUnion(IReadOnlyList<ICurveSource> sources) => _sources = sources;

    /// <inheritdoc/>
    public int Count => _sources.Sum(s => s.Count);

    /// <inheritdoc/>
    public bool Contains(string runId) => SourceOf(runId) is not null;

    /// <inheritdoc/>
    public bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve)
    {
        curve = null;
        return SourceOf(runId)?.TryRead(runId, out curve) == true;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets) =>
        (SourceOf(runId) ?? throw new KeyNotFoundException($"run '{runId}' has no curve")).Hits(runId, targets);

    /// <inheritdoc/>
    public string? FileOf(string runId) => SourceOf(runId)?.FileOf(runId);

    private ICurveSource? SourceOf(string runId) => _sources.FirstOrDefault(s => s.Contains(runId));
}
