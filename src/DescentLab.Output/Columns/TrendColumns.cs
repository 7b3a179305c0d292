using DescentLab.Experiments.Results;

namespace DescentLab.Output.Columns;

/// <summary>Every column of trend.csv, in file order: the one place a trend column is defined.</summary>
/// <remarks>commit, problem and setting were added after the first trend.csv files: a file without them reads as no
/// commit, an empty problem and the variant as setting; leader and median_accuracy came later still: a file without them
/// marks no leader and has no accuracy.</remarks>
public static class TrendColumns
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<CsvColumn<TrendPoint>> All { get; } =
    [
        CsvColumn<TrendPoint>.Of("run_set_id", ColumnTypes.Int64, p => p.RunSetId, (p, v) => p with { RunSetId = v }),
        CsvColumn<TrendPoint>.Of("started_utc", ColumnTypes.UtcTime, p => p.StartedUtc, (p, v) => p with { StartedUtc = v }),
        CsvColumn<TrendPoint>.Of("commit", ColumnTypes.NullableText, p => p.Commit, (p, v) => p with { Commit = v }, optional: true),
        CsvColumn<TrendPoint>.Of("problem", ColumnTypes.Text, p => p.Problem, (p, v) => p with { Problem = v }, optional: true),
        CsvColumn<TrendPoint>.Of("variant", ColumnTypes.RequiredText, p => p.Variant, (p, v) => p with { Variant = v }),
        CsvColumn<TrendPoint>.Of("setting", ColumnTypes.RequiredText, p => p.Setting, (p, v) => p with { Setting = v }, optional: true),
        CsvColumn<TrendPoint>.Of("median_final_gap", ColumnTypes.Double, p => p.MedianFinalGap, (p, v) => p with { MedianFinalGap = v }),
        CsvColumn<TrendPoint>.Of("median_epochs_to_target", ColumnTypes.NullableDouble, p => p.MedianEpochsToTarget, (p, v) => p with { MedianEpochsToTarget = v }),
        CsvColumn<TrendPoint>.Of("leader", ColumnTypes.Boolean, p => p.Leader, (p, v) => p with { Leader = v }, optional: true),
        CsvColumn<TrendPoint>.Of("median_accuracy", ColumnTypes.NullableDouble, p => p.MedianAccuracy, (p, v) => p with { MedianAccuracy = v }, optional: true),
    ];

    /// <summary>The row reading starts from: every column then sets its own value.</summary>
    public static TrendPoint Blank { get; } = new(0, default, string.Empty, double.NaN, null);
}
