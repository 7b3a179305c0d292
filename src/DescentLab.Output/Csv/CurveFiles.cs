using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>The curves of a run folder, read from curves/&lt;run_id&gt;.csv when asked and never kept: <c>run</c> (which
/// streamed them there as the runs finished) and <c>report RUNDIR</c> share this one path.</summary>
/// <remarks>A curve whose file could not be written (a full disk) is held in memory instead, so the report still draws it
/// and the curves exporter tries to write it again. Hits of one target ladder may be given per run (a digest kept when
/// the run finished), so the runtime ECDF needs no curve read back.</remarks>
public sealed class CurveFiles : ICurveSource
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, Entry> _entries;
    private readonly IReadOnlyList<double> _ladder;

    private CurveFiles(string folder, IReadOnlyDictionary<string, Entry> entries, IReadOnlyList<double> ladder)
    {
        _folder = Path.GetFullPath(folder);
        _entries = entries;
        _ladder = ladder;
    }

    /// <summary>The curves of a run folder: a file under <paramref name="folder"/> for each entry without a held curve.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="entries">Per run with a curve: the curve when its file could not be written (else null), and its hits of <paramref name="ladder"/>.</param>
    /// <param name="ladder">The targets the hits were taken for.</param>
    public static CurveFiles Streamed(string folder, IEnumerable<(string RunId, Curve? Held, CurveHit[] Hits)> entries, IReadOnlyList<double> ladder) =>
        new(folder, entries.ToDictionary(e => e.RunId, e => new Entry(e.Held, e.Hits), StringComparer.Ordinal), ladder);

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public bool Contains(string runId) => _entries.ContainsKey(runId);

    /// <inheritdoc/>
    public bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve)
    {
        if (!_entries.TryGetValue(runId, out var entry))
        {
            curve = null;
            return false;
        }

        curve = entry.Held ?? CurveCsv.Read(PathOf(runId));
        return true;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets)
    {
        var entry = _entries[runId];
        if (targets.SequenceEqual(_ladder))
        {
            return entry.Hits;
        }

        return CurveHit.Of(entry.Held ?? CurveCsv.Read(PathOf(runId)), targets);
    }

    /// <inheritdoc/>
    public string? FileOf(string runId) => _entries.TryGetValue(runId, out var entry) && entry.Held is null ? PathOf(runId) : null;

    private string PathOf(string runId) => Path.GetFullPath(Path.Combine(_folder, CurveCsv.RelativePath(runId)));

    private sealed record Entry(Curve? Held, CurveHit[] Hits);
}
