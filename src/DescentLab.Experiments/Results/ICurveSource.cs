using System.Diagnostics.CodeAnalysis;
using DescentLab.Core.Training;

namespace DescentLab.Experiments.Results;

/// <summary>The curves of a run set by run id, read when asked: a set streamed to disk holds none of them in memory, and
/// a plot reads only the curves it draws.</summary>
/// <remarks>Implementations are safe for concurrent reads (plots render in parallel).</remarks>
public interface ICurveSource
{
    /// <summary>How many runs have a curve.</summary>
    int Count { get; }

    /// <summary>Whether run <paramref name="runId"/> has a curve.</summary>
    bool Contains(string runId);

    /// <summary>The curve of <paramref name="runId"/>, read now; false when the run has none.</summary>
    /// <exception cref="IOException">The curve's file cannot be read.</exception>
    bool TryRead(string runId, [NotNullWhen(true)] out Curve? curve);

    /// <summary>Where run <paramref name="runId"/>'s curve first reaches each gap target (<see cref="CurveHit.Of"/>),
    /// from a digest kept when the run finished where there is one, else from the curve.</summary>
    IReadOnlyList<CurveHit> Hits(string runId, IReadOnlyList<double> targets);

    /// <summary>The full path of the file holding <paramref name="runId"/>'s curve, or null when it is held in memory.</summary>
    string? FileOf(string runId);
}
