using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>The runs of one variant setting on one problem, one per seed, in plan order.</summary>
/// <param name="Setting">The variant setting.</param>
/// <param name="Rows">Its runs.</param>
public sealed record SettingRuns(VariantSetting Setting, IReadOnlyList<SummaryRow> Rows);
