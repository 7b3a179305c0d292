using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DescentLab.Benchmarks;

/// <summary>Achieved read bandwidth: the 16 bytes of (x, y) per sample times N, over the median time of one operation.</summary>
/// <remarks>The median, not the mean: on a shared machine a few slow iterations would otherwise dominate.</remarks>
public sealed class BandwidthColumn : IColumn
{
    private const double BytesPerSample = 2 * sizeof(double);

    /// <inheritdoc/>
    public string Id => nameof(BandwidthColumn);

    /// <inheritdoc/>
    public string ColumnName => "GB/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Bytes of x and y read per second (16 B per sample, median time), 1e9 B/s";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var n = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value;
        if (report?.ResultStatistics is null || n is not int samples)
        {
            return "-";
        }

        double gigabytesPerSecond = BytesPerSample * samples / report.ResultStatistics.Median;
        return gigabytesPerSecond.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
