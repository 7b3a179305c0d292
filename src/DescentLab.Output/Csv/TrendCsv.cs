using System.Globalization;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Csv;

/// <summary>trend.csv: the history trend a report was drawn from, kept in the run folder so re-rendering gives the same report.</summary>
/// <remarks>Columns <c>run_set_id,started_utc,variant,median_final_gap,median_epochs_to_target</c>; times as ISO 8601 UTC.</remarks>
public static class TrendCsv
{
    /// <summary>File name in the run folder.</summary>
    public const string FileName = "trend.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["run_set_id", "started_utc", "variant", "median_final_gap", "median_epochs_to_target"];

    /// <summary>Writes <paramref name="points"/>, oldest first.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<TrendPoint> points)
    {
        using var csv = new CsvTableWriter(writer);
        csv.Header(Columns);
        foreach (var point in points)
        {
            csv.Field(point.RunSetId);
            csv.Field(point.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            csv.Field(point.Variant);
            csv.Field(point.MedianFinalGap);
            csv.Field(point.MedianEpochsToTarget);
            csv.EndRecord();
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<TrendPoint> Read(string path)
    {
        using var csv = CsvTableReader.Open(path);
        if (csv.ExpectColumns(Columns) != csv.Header.Count)
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

            points.Add(new TrendPoint(csv.Int64(0), startedUtc, csv.RequiredText(2), csv.Double(3), csv.NullableDouble(4)));
        }

        return points;
    }
}
