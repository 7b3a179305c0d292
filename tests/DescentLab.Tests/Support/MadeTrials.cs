using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Hand-made tuning trials: a variant's setting run on chosen tuning seeds with chosen outcomes, aggregated as the
/// leaderboard aggregates a setting (<see cref="Leaderboard.Aggregate"/>).</summary>
public static class MadeTrials
{
    /// <summary>Trial <paramref name="trial"/> of <paramref name="variant"/> at <paramref name="lr"/> on beans1 n=10, origin,
    /// mse, one tuning run per gap in <paramref name="gaps"/> (seeds 1, 2, …): converged at <paramref name="epochs"/> when
    /// given, else not converged; a NaN gap is a diverged run.</summary>
    public static TrialResult Trial(string variant, int trial, double lr, double lrPosition, double[] gaps, int? epochs = null) =>
        Of(variant, trial, [.. gaps.Select((g, i) => OutcomeRows.Row(variant, lr, (ulong)(i + 1), Status(g, epochs), g, epochs))], new Dictionary<string, double> { ["lr"] = lrPosition });

    /// <summary>A trial of the given tuning runs (one setting) and positions.</summary>
    public static TrialResult Of(string variant, int trial, IReadOnlyList<SummaryRow> rows, IReadOnlyDictionary<string, double> position) =>
        new(ProblemKey.From(rows[0]), variant, trial, Leaderboard.Aggregate(new SettingRuns(VariantSetting.From(rows[0]), rows)), position);

    private static RunStatus Status(double gap, int? epochs) =>
        double.IsNaN(gap) ? RunStatus.Diverged : epochs is null ? RunStatus.NotConverged : RunStatus.Converged;
}
