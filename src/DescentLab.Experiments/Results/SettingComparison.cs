namespace DescentLab.Experiments.Results;

/// <summary>One metric of one problem × variant setting compared with the baseline across its seeds.</summary>
/// <param name="Setting">The setting: the run id without its seed (<see cref="Planning.RunIds.Setting"/>).</param>
/// <param name="Metric"><c>final_gap</c>, <c>epochs_to_target</c>, <c>status</c>, <c>runs</c> (seeds of the baseline missing
/// now) or <c>best_setting</c> (a variant whose settings changed, its best setting then and now).</param>
/// <param name="BaselineMedian">Median over the compared seeds in the baseline, as text.</param>
/// <param name="BaselineWorst">Worst seed in the baseline, as text.</param>
/// <param name="CurrentMedian">Median over the same seeds now.</param>
/// <param name="CurrentWorst">Worst seed now.</param>
/// <param name="Ratio">Now ÷ baseline of the medians (<c>n/a</c> where a ratio means nothing).</param>
/// <param name="Tolerance">The tolerance that applied, as text.</param>
/// <param name="Direction">1 when the median or the worst seed got worse beyond tolerance, -1 when neither got worse and one got
/// better beyond it, 0 otherwise.</param>
public sealed record SettingComparison(
    string Setting,
    string Metric,
    string BaselineMedian,
    string BaselineWorst,
    string CurrentMedian,
    string CurrentWorst,
    string Ratio,
    string Tolerance,
    int Direction)
{
    /// <summary>The account of a comparison that is not a median and a worst seed (a variant's best setting, something
    /// gone), or null.</summary>
    public string? Message { get; init; }

    /// <summary>A one-line account for logs and CI messages: baseline, now and tolerance.</summary>
    public string Describe() => Message is { } message
        ? $"{Metric}: {message}"
        : $"{Metric}: baseline median {BaselineMedian}, worst {BaselineWorst}; now median {CurrentMedian}, worst {CurrentWorst}; ratio {Ratio}; tolerance {Tolerance}";
}
