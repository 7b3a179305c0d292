using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Results;
using static DescentLab.Tests.Support.MadeTrials;

namespace DescentLab.Tests.Support;

/// <summary>A hand-made tuned comparison on beans1 n=10, origin, mse: three trials each of adam and sgd on tuning seeds 1
/// and 2, and held-out runs of each one's best trial on seeds 101–105.</summary>
public static class TunedRuns
{
    /// <summary>adam: its best trial (lr 0.5) converges at 40 epochs and sits at the top of its lr range; sgd: one trial
    /// diverges, the best (lr 1e-3) sits at the bottom of its range; nothing else converges.</summary>
    public static IReadOnlyList<TrialResult> Trials { get; } =
    [
        Trial("adam", 0, 1e-3, 0.25, [1e-3, 2e-3]),
        Trial("adam", 1, 0.5, 0.95, [1e-9, 1e-9], epochs: 40),
        Trial("adam", 2, 1e-2, 0.5, [1e-5, 1e-5]),
        Trial("sgd", 0, 0.1, 0.6, [double.NaN, double.NaN]),
        Trial("sgd", 1, 1e-3, 0.05, [1e-4, 3e-4]),
        Trial("sgd", 2, 1e-2, 0.4, [5e-4, 7e-4]),
    ];

    /// <summary>Held-out runs where adam converges on every seed (epochs 40–44) and sgd on three (60–62).</summary>
    public static IReadOnlyList<Leaderboard> ClearWin { get; } = Leaderboard.Build(
    [
        .. Seeds().Select((s, i) => OutcomeRows.Row("adam", 0.5, s, RunStatus.Converged, 1e-9, 40 + i)),
        .. Seeds().Select((s, i) => i < 3
            ? OutcomeRows.Row("sgd", 1e-3, s, RunStatus.Converged, 1e-7, 60 + i)
            : OutcomeRows.Row("sgd", 1e-3, s, RunStatus.NotConverged, 1e-4)),
    ]);

    /// <summary>Held-out runs where neither converges and the median gaps (1e-3 vs 1.2e-3) differ by less than the seeds do.</summary>
    public static IReadOnlyList<Leaderboard> CloseCall { get; } = Leaderboard.Build(
    [
        .. Seeds().Zip([1e-3, 2e-3, 5e-4, 3e-3, 1e-3]).Select(p => OutcomeRows.Row("adam", 0.5, p.First, RunStatus.NotConverged, p.Second)),
        .. Seeds().Zip([2e-3, 1.2e-3, 1e-3, 2.5e-3, 6e-4]).Select(p => OutcomeRows.Row("sgd", 1e-3, p.First, RunStatus.NotConverged, p.Second)),
    ]);

    private static IEnumerable<ulong> Seeds() => [101, 102, 103, 104, 105];
}
