namespace DescentLab.Experiments.Analysis.Tuning;

/// <summary>One tuning trial of one variant on one problem: a setting drawn from the variant's search space, aggregated
/// over the tuning seeds. What the tuned comparison's expected-best figure and tunability table are computed from.</summary>
/// <param name="Problem">The problem (dataset × model) the trial ran on.</param>
/// <param name="Variant">The variant tuned (its config name, e.g. <c>adam</c>).</param>
/// <param name="Trial">0-based index of the trial within the variant's budget.</param>
/// <param name="Entry">The trial's setting aggregated over the tuning seeds, as a leaderboard ranks it.</param>
/// <param name="Position">For each tuned hyper-parameter, where the trial's value sits in its range: 0 at the low end, 1
/// at the high end (on the log scale for a log-uniform range; index / (count − 1) for a choice).</param>
public sealed record TrialResult(
    ProblemKey Problem,
    string Variant,
    int Trial,
    LeaderboardEntry Entry,
    IReadOnlyDictionary<string, double> Position);
