using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace DescentLab.Benchmarks;

/// <summary>One short job for every benchmark: the whole suite runs in a few minutes on 2 shared cores.</summary>
/// <remarks>15 iterations of about 100 ms each instead of ShortRun's 3: the build machine is shared, so more, shorter
/// samples and the median (which <see cref="BandwidthColumn"/> uses) are worth more than long iterations.</remarks>
public sealed class QuickConfig : ManualConfig
{
    /// <summary>The job, the median column and the bandwidth column.</summary>
    public QuickConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Quick"));
        AddColumn(StatisticColumn.Median);
        AddColumn(new BandwidthColumn());
    }
}
