using BenchmarkDotNet.Attributes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;

namespace DescentLab.Benchmarks;

/// <summary>One SGD epoch of origin at n = 10^6 against a loop doing only the same data-dependent multiply-add chain.</summary>
/// <remarks>SGD is a serial chain: each w depends on the previous one, so the epoch is latency-bound, not bandwidth-bound.
/// The learning rate is tiny so w stays finite across all invocations.</remarks>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class SgdEpochBenchmarks
{
    private const double Lr = 1e-9;
    private Samples _samples;
    private readonly double[] _theta = [0.1];

    /// <summary>Samples per epoch.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    /// <summary>Builds the columns once.</summary>
    [GlobalSetup]
    public void Setup() => _samples = BenchData.Beans(N);

    /// <summary>The bare chain <c>w -= lr·2·((w·x - y)·x)</c> over plain arrays.</summary>
    [Benchmark(Baseline = true)]
    public double DependentChain()
    {
        double[] x = _samples.X1;
        double[] y = _samples.Y;
        double w = _theta[0];
        for (int i = 0; i < x.Length && i < y.Length; i++)
        {
            w -= Lr * (2.0 * ((w * x[i] - y[i]) * x[i]));
        }

        _theta[0] = w;
        return w;
    }

    /// <summary>Origin.SgdEpoch, the trainer's fast path for batch-1 plain steps.</summary>
    [Benchmark]
    public double OriginSgdEpoch()
    {
        default(Origin).SgdEpoch(_samples, _theta, Lr);
        return _theta[0];
    }
}
