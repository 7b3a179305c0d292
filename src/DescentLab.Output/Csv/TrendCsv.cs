using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.Csv;

/// <summary>trend.csv: the history trend a report was drawn from, kept in the run folder so re-rendering gives the same report.</summary>
/// <remarks>Columns <see cref="TrendColumns"/>, written and read through that one list, by header name; times as ISO
/// 8601 UTC, an empty commit when the run set had none, an empty accuracy where accuracy does not judge the problem. A
/// file without <c>leader</c> and <c>median_accuracy</c> still reads (no leader marked), and so does one with the earlier
/// per-variant columns <c>run_set_id,started_utc,variant,median_final_gap,median_epochs_to_target</c> (no commit, empty
/// problem, the variant as setting).</remarks>
public static class TrendCsv
{
    /// <summary>File name in the run folder.</summary>
    public const string FileName = "trend.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. TrendColumns.All.Select(c => c.Name)];

    /// <summary>Writes <paramref name="points"/>, oldest first.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<TrendPoint> points) => CsvColumnTable.Write(writer, TrendColumns.All, points);

    /// <summary>Reads a file written by <see cref="Write"/> or by an earlier version with the per-variant columns.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<TrendPoint> Read(string path) => CsvColumnTable.Read(path, TrendColumns.All, TrendColumns.Blank);
}
