using System.Data;
using System.Data.Common;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>The <c>trend_points</c> table: each run set's trend points (<see cref="TrendPoints.Of"/> of its runs), written
/// in the transaction that records the set, so a trend reads one row per problem × setting and night instead of every run
/// of every night (30 nights of a 20,000-run sweep are 600,000 runs).</summary>
/// <remarks>The points are those of the rules of the DescentLab that recorded the set, like the set's runs. A run set
/// recorded before the table existed has none; its points are computed from its runs whenever it is read.</remarks>
internal static class HistoryTrendPoints
{
    /// <summary>Stores <paramref name="points"/> of run set <paramref name="runSetId"/> in their order.</summary>
    public static void Insert(HistoryDialect dialect, DbConnection connection, DbTransaction transaction, long runSetId, IEnumerable<TrendPoint> points)
    {
        using var insert = dialect.PrepareInsert(
            connection,
            transaction,
            """
            INSERT INTO trend_points (run_set_id, position, problem, setting, variant, median_final_gap, median_epochs_to_target, leader, median_accuracy)
            VALUES (@id, @position, @problem, @setting, @variant, @gap, @epochs, @leader, @accuracy);
            """,
            [
                new("@id", DbType.Int64), new("@position", DbType.Int64), new("@problem", DbType.String), new("@setting", DbType.String),
                new("@variant", DbType.String), new("@gap", DbType.Double), new("@epochs", DbType.Double), new("@leader", DbType.Int64),
                new("@accuracy", DbType.Double),
            ]);
        var values = new object?[9];
        values[0] = runSetId;
        long at = 0;
        foreach (var point in points)
        {
            values[1] = at++;
            values[2] = point.Problem;
            values[3] = point.Setting;
            values[4] = point.Variant;

            // NaN (a median of mostly diverged seeds) is stored as NULL and read back as NaN.
            values[5] = double.IsNaN(point.MedianFinalGap) ? null : point.MedianFinalGap;
            values[6] = point.MedianEpochsToTarget;
            values[7] = point.Leader ? 1L : 0L;
            values[8] = point.MedianAccuracy;
            insert.Insert(values);
        }
    }

    /// <summary>The stored points of run set <paramref name="runSetId"/> in their order, with the set's time, commit and
    /// machine; null when it has none stored (recorded before the table existed).</summary>
    public static List<TrendPoint>? Read(DbConnection connection, long runSetId, DateTimeOffset startedUtc, string? commit, string? machine)
    {
        using var query = HistoryDialect.Command(
            connection,
            """
            SELECT problem, setting, variant, median_final_gap, median_epochs_to_target, leader, median_accuracy
            FROM trend_points WHERE run_set_id = @id ORDER BY position;
            """);
        HistoryDialect.Add(query, "@id", DbType.Int64, runSetId);
        using var reader = query.ExecuteReader();
        var points = new List<TrendPoint>();
        while (reader.Read())
        {
            points.Add(new TrendPoint(
                runSetId,
                startedUtc,
                reader.GetString(2),
                reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4))
            {
                Commit = commit,
                Problem = reader.GetString(0),
                Setting = reader.GetString(1),
                Leader = reader.GetInt64(5) != 0,
                MedianAccuracy = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                Machine = machine,
            });
        }

        return points.Count > 0 ? points : null;
    }
}
