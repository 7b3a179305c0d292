using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>The curves of a run folder written before curves.csv: one file per run, curves/&lt;run_id&gt;.csv
/// (<see cref="CurveCsv"/>), read when asked and never kept.</summary>
public sealed class PerRunCurves : ICurveSource
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, CurveHit[]> _hits;
    private readonly IReadOnlyList<double> _ladder;

    /// <summary>The per-run files under run folder <paramref name="folder"/> of the runs of <paramref name="hits"/>,
    /// with their hits of <paramref name="ladder"/>.</summary>
    public PerRunCurves(string folder, IReadOnlyDictionary<string, CurveHit[]> hits, IReadOnlyList<double> ladder)
    {
        _folder = Path.GetFullPath(folder);
        _hits = hits;
        _ladder = ladder;
    }

    /// <inheritdoc/>
    public int Count => _hits.Count;

    /// <inheritdoc/>
    public bool Contains(string runId) => _hits.ContainsKey(runId);

    /// <inheritdoc/>
    public bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve)
    {
        curve = _hits.ContainsKey(runId) ? CurveCsv.Read(PathOf(runId)) : null;
        return curve is not null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets) =>
        targets.SequenceEqual(_ladder) ? _hits[runId] : CurveHit.Of(CurveCsv.Read(PathOf(runId)), targets);

    /// <inheritdoc/>
    public string? FileOf(string runId) => _hits.ContainsKey(runId) ? PathOf(runId) : null;

    private string PathOf(string runId) => Path.GetFullPath(Path.Combine(_folder, CurveCsv.RelativePath(runId)));
}
