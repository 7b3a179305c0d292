using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>Every column of regression.csv, in file order: the one place a regression column is defined.</summary>
/// <remarks>baseline_worst, current_worst and tolerance came with the per-setting comparison: a file of an older run
/// folder without them reads with those fields empty.</remarks>
public static class RegressionColumns
{
    /// <summary>The kinds a record may have, in the order a file lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "source", "unchanged", "config", "not_compared", "setting_regression", "setting_improvement", "setting_unchanged",
        "regression", "improvement", "new", "missing",
    ];

    private static ColumnType<string> KindType { get; } = ColumnTypes.Text with
    {
        Expected = string.Join(", ", Kinds.Take(Kinds.Count - 1)) + " or " + Kinds[^1],
        Parse = (string t, out string v) => { v = t; return Kinds.Contains(t); },
    };

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<CsvColumn<RegressionRecord>> All { get; } =
    [
        CsvColumn<RegressionRecord>.Of("kind", KindType, r => r.Kind, (r, v) => r with { Kind = v }),
        CsvColumn<RegressionRecord>.Of("run_id", ColumnTypes.Text, r => r.RunId, (r, v) => r with { RunId = v }),
        CsvColumn<RegressionRecord>.Of("metric", ColumnTypes.Text, r => r.Metric, (r, v) => r with { Metric = v }),
        CsvColumn<RegressionRecord>.Of("baseline", ColumnTypes.Text, r => r.Baseline, (r, v) => r with { Baseline = v }),
        CsvColumn<RegressionRecord>.Of("current", ColumnTypes.Text, r => r.Current, (r, v) => r with { Current = v }),
        CsvColumn<RegressionRecord>.Of("change", ColumnTypes.Text, r => r.Change, (r, v) => r with { Change = v }),
        CsvColumn<RegressionRecord>.Of("baseline_worst", ColumnTypes.Text, r => r.BaselineWorst, (r, v) => r with { BaselineWorst = v }, optional: true),
        CsvColumn<RegressionRecord>.Of("current_worst", ColumnTypes.Text, r => r.CurrentWorst, (r, v) => r with { CurrentWorst = v }, optional: true),
        CsvColumn<RegressionRecord>.Of("tolerance", ColumnTypes.Text, r => r.Tolerance, (r, v) => r with { Tolerance = v }, optional: true),
    ];

    /// <summary>The record reading starts from: every column then sets its own value.</summary>
    public static RegressionRecord Blank { get; } = new(string.Empty);
}
