using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using Microsoft.Win32.SafeHandles;

namespace DescentLab.Output.Csv;

/// <summary>The curves of a run folder's curves.csv, each read from where its rows are when asked and never kept:
/// <c>run</c> (which streamed them there) and <c>report RUNDIR</c> share this one path.</summary>
/// <remarks>Hits of one target ladder are given per run (a digest kept when the run finished or the file was read), so
/// the runtime ECDF needs no curve read back.</remarks>
public sealed class CurveTableSource : ICurveSource, IDisposable
{
    private readonly string _path;
    private readonly CurveTable _table;
    private readonly IReadOnlyDictionary<string, Entry> _entries;
    private readonly IReadOnlyList<double> _ladder;

    // Opened at the first read and kept: a report reads thousands of runs at their offsets (opening the file for each cost
    // more than parsing it), from several threads. Closed by Dispose (else when the source is collected).
    private SafeFileHandle? _file;
    private bool _opened;
    private object? _opening;

    /// <summary>The runs of <paramref name="entries"/> in the curves.csv at <paramref name="path"/>, whose header is
    /// <paramref name="table"/>'s.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">Its columns.</param>
    /// <param name="entries">Per run with a curve: where its rows are and its hits of <paramref name="ladder"/>.</param>
    /// <param name="ladder">The targets the hits were taken for.</param>
    public CurveTableSource(string path, CurveTable table, IEnumerable<(string RunId, CurveLocation Location, CurveHit[] Hits)> entries, IReadOnlyList<double> ladder)
    {
        _path = Path.GetFullPath(path);
        _table = table;
        _entries = entries.ToDictionary(e => e.RunId, e => new Entry(e.Location, e.Hits), StringComparer.Ordinal);
        _ladder = ladder;
    }

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public bool Contains(string runId) => _entries.ContainsKey(runId);

    /// <inheritdoc/>
    public bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve)
    {
        curve = _entries.TryGetValue(runId, out var entry) ? Read(runId, entry) : null;
        return curve is not null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets)
    {
        var entry = _entries[runId];
        return targets.SequenceEqual(_ladder) ? entry.Hits : CurveHit.Of(Read(runId, entry), targets);
    }

    /// <inheritdoc/>
    public string? FileOf(string runId) => _entries.ContainsKey(runId) ? _path : null;

    /// <summary>Closes curves.csv: a process that goes on (the <c>serve</c> worker) does not hold the file of a set it has
    /// published until the collector runs; a folder pruned or a disk unmounted later is freed at once.</summary>
    public void Dispose() => _file?.Dispose();

    private Curve Read(string runId, Entry entry)
    {
        var file = LazyInitializer.EnsureInitialized(ref _file, ref _opened, ref _opening, () => CurveTableReader.OpenForRuns(_path))!;
        var block = CurveTableReader.ReadRun(file, _path, _table, entry.Location);
        return block.RunId == runId
            ? block.Curve
            : throw new RunFileException(_path, entry.Location.Line, $"expected the rows of run '{runId}' but found '{block.RunId}': the file has changed since it was read");
    }

    private sealed record Entry(CurveLocation Location, CurveHit[] Hits);
}
