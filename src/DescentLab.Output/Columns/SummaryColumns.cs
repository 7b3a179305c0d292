using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Columns;

/// <summary>Every summary column, in file order: the one place a column is defined.</summary>
/// <remarks>summary.csv holds <see cref="Leading"/>, one column per model parameter, then <see cref="Trailing"/>;
/// history.db's <c>runs</c> table holds the same columns with the parameters in the one text column
/// <see cref="FinalParameters"/>. Adding a column is one line here, one field of <see cref="SummaryRow"/> and, for history,
/// one migration in HistorySchema (a test checks the migrated schema against this list).</remarks>
public static class SummaryColumns
{
    /// <summary>The columns before the parameter columns.</summary>
    public static IReadOnlyList<SummaryColumn> Leading { get; } =
    [
        Column("run_id", ColumnTypes.RequiredText, r => r.RunId, (r, v) => r with { RunId = v }),
        Column("dataset", ColumnTypes.RequiredText, r => r.Dataset, (r, v) => r with { Dataset = v }),
        Column("dataset_key", ColumnTypes.RequiredText, r => r.DatasetKey, (r, v) => r with { DatasetKey = v }),
        Column("recipe", ColumnTypes.NullableText, r => r.Recipe, (r, v) => r with { Recipe = v }),
        Column("n", ColumnTypes.Int32, r => r.N, (r, v) => r with { N = v }),
        Column("seed", ColumnTypes.UInt64, r => r.Seed, (r, v) => r with { Seed = v }),
        Column("model", ColumnTypes.RequiredText, r => r.Model, (r, v) => r with { Model = v }),
        Column("loss", ColumnTypes.RequiredText, r => r.Loss, (r, v) => r with { Loss = v }),
        Column("variant", ColumnTypes.RequiredText, r => r.Variant, (r, v) => r with { Variant = v }),
        Column("lr", ColumnTypes.NullableDouble, r => r.Lr, (r, v) => r with { Lr = v }),
        Column("step", ColumnTypes.NullableDouble, r => r.Step, (r, v) => r with { Step = v }),
        Column("batch", ColumnTypes.Int32, r => r.Batch, (r, v) => r with { Batch = v }),
        Column("shuffle", ColumnTypes.Boolean, r => r.Shuffle, (r, v) => r with { Shuffle = v }),
        Column("hyper", ColumnTypes.Hyper, r => r.HyperParameters, (r, v) => r with { HyperParameters = v }),
        Added("trial", ColumnTypes.NullableInt32, r => r.Trial, (r, v) => r with { Trial = v }),
        Added("phase", ColumnTypes.NullableText, r => r.Phase, (r, v) => r with { Phase = v }),
        Column("status", ColumnTypes.Status, r => r.Status, (r, v) => r with { Status = v }),
        Column("epochs", ColumnTypes.Int32, r => r.Epochs, (r, v) => r with { Epochs = v }),
        Column("steps", ColumnTypes.Int64, r => r.Steps, (r, v) => r with { Steps = v }),
        Column("final_loss", ColumnTypes.Double, r => r.FinalLoss, (r, v) => r with { FinalLoss = v }),
        Column("optimum_loss", ColumnTypes.Double, r => r.OptimumLoss, (r, v) => r with { OptimumLoss = v }),
        Added("optimum_kind", ColumnTypes.Kind, r => r.OptimumKind, (r, v) => r with { OptimumKind = v }),
        Column("optimum_attained", ColumnTypes.Boolean, r => r.OptimumAttained, (r, v) => r with { OptimumAttained = v }),
        Column("final_gap", ColumnTypes.Double, r => r.FinalGap, (r, v) => r with { FinalGap = v }),
        Added("accuracy", ColumnTypes.NullableDouble, r => r.Accuracy, (r, v) => r with { Accuracy = v }),
        Column("epochs_to_target", ColumnTypes.NullableInt32, r => r.EpochsToTarget, (r, v) => r with { EpochsToTarget = v }),
        Column("grad_evals_to_target", ColumnTypes.NullableInt64, r => r.GradEvalsToTarget, (r, v) => r with { GradEvalsToTarget = v }),
        Column("grad_evals", ColumnTypes.Int64, r => r.GradEvals, (r, v) => r with { GradEvals = v }),
    ];

    /// <summary>The final parameters as one column (history.db only; summary.csv spreads them over one column each).</summary>
    public static SummaryColumn FinalParameters { get; } =
        Column("final_parameters", ColumnTypes.NamedValues, r => r.FinalParameters, (r, v) => r with { FinalParameters = v });

    /// <summary>The columns after the parameter columns.</summary>
    public static IReadOnlyList<SummaryColumn> Trailing { get; } =
    [
        Column("message", ColumnTypes.Text, r => r.Message, (r, v) => r with { Message = v }),
        Column("wall_ms", ColumnTypes.Double, r => r.WallMs, (r, v) => r with { WallMs = v }),
    ];

    /// <summary>The columns of history.db's <c>runs</c> table (besides <c>run_set_id</c>), in order.</summary>
    public static IReadOnlyList<SummaryColumn> History { get; } = [.. Leading, FinalParameters, .. Trailing];

    /// <summary>The row reading starts from: every column then sets its own value.</summary>
    public static SummaryRow Blank { get; } = new()
    {
        RunId = string.Empty,
        Dataset = string.Empty,
        DatasetKey = string.Empty,
        N = 0,
        Seed = 0,
        Model = string.Empty,
        Loss = string.Empty,
        Variant = string.Empty,
        Batch = 0,
        Shuffle = false,
        Status = RunStatus.Failed,
        Epochs = 0,
        Steps = 0,
        FinalLoss = double.NaN,
        OptimumLoss = double.NaN,
        OptimumAttained = false,
        FinalGap = double.NaN,
        GradEvals = 0,
        FinalParameters = [],
    };

    private static TypedSummaryColumn<T> Column<T>(string name, ColumnType<T> type, Func<SummaryRow, T> get, Func<SummaryRow, T, SummaryRow> set) =>
        new(name, type, get, set, optional: false);

    /// <summary>A column added after summary.csv files were first written (older files read as the blank value).</summary>
    private static TypedSummaryColumn<T> Added<T>(string name, ColumnType<T> type, Func<SummaryRow, T> get, Func<SummaryRow, T, SummaryRow> set) =>
        new(name, type, get, set, optional: true);
}
