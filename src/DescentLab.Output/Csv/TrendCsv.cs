using System.Globalization;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>trend.csv: the history trend a report was drawn from, kept in the run folder so re-rendering gives the same report.</summary>
/// <remarks>Columns <c>run_set_id,started_utc,commit,problem,variant,setting,median_final_gap,median_epochs_to_target,leader,median_accuracy</c>;
/// times as ISO 8601 UTC, an empty commit when the run set had none, an empty accuracy where accuracy does not judge the
/// problem. A file without the last two columns still reads (no leader marked), and so does one with the earlier per-variant
/// columns <c>run_set_id,started_utc,variant,median_final_gap,median_epochs_to_target</c> (no commit, empty problem, the
/// variant as setting).</remarks>
public static class TrendCsv
{
    /// <summary>File name in the run folder.</summary>
    public const string FileName = "trend.csv";

    private static readonly string[] OldColumns = ["run_set_id", "started_utc", "variant", "median_final_gap", "median_epochs_to_target"];

    private static readonly string[] LeaderlessColumns =
        ["run_set_id", "started_utc", "commit", "problem", "variant", "setting", "median_final_gap", "median_epochs_to_target"];

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. LeaderlessColumns, "leader", "median_accuracy"];

    /// <summary>Writes <paramref name="points"/>, oldest first.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<TrendPoint> points)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header(Columns);
        foreach (var point in points)
        {
            csv.Field(point.RunSetId);
            csv.Field(point.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            csv.Field(point.Commit ?? string.Empty);
            csv.Field(point.Problem);
            csv.Field(point.Variant);
            csv.Field(point.Setting);
            csv.Field(point.MedianFinalGap);
            csv.Field(point.MedianEpochsToTarget);
            csv.Field(point.Leader);
            csv.Field(point.MedianAccuracy);
            csv.EndRecord();
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/> or by an earlier version with the per-variant columns.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<TrendPoint> Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        bool old = csv.Header.SequenceEqual(OldColumns);
        bool leaderless = csv.Header.SequenceEqual(LeaderlessColumns);
        var columns = old ? OldColumns : leaderless ? LeaderlessColumns : Columns;
        if (csv.ExpectColumns(columns) != csv.Header.Count)
        {
            throw new RunFileException(path, 1, $"expected exactly the columns {string.Join(',', Columns)}");
        }

        var points = new List<TrendPoint>();
        while (csv.Read())
        {
            string started = csv.RequiredText(1);
            if (!DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var startedUtc))
            {
                throw csv.FieldError(1, started, "an ISO 8601 UTC time");
            }

            points.Add(old
                ? new TrendPoint(csv.Int64(0), startedUtc, csv.RequiredText(2), csv.Double(3), csv.NullableDouble(4))
                : new TrendPoint(csv.Int64(0), startedUtc, csv.RequiredText(4), csv.Double(6), csv.NullableDouble(7))
                {
                    Commit = csv.NullableText(2),
                    Problem = csv.Text(3),
                    Setting = csv.RequiredText(5),
                    Leader = !leaderless && csv.Boolean(8),
                    MedianAccuracy = leaderless ? null : csv.NullableDouble(9),
                });
        }

        return points;
    }
}
