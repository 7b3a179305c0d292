using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Models.Kernels;

namespace DescentLab.Benchmarks;

/// <summary>Full-batch LossGradient of origin and affine against a plain sum that reads the same x and y arrays.</summary>
/// <remarks>The baseline is the cheapest pass over the same 16 bytes per sample: an unrolled Vector256 sum of x and y. The scalar
/// kernels (same 4-lane accumulation order, bit-identical results) show what the SIMD path gains.</remarks>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class LossGradientBenchmarks
{
    private Samples _samples;
    private readonly double[] _theta = [0.7, 0.5];
    private readonly double[] _gradient = new double[2];

    /// <summary>Samples per pass.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Builds the columns once.</summary>
    [GlobalSetup]
    public void Setup() => _samples = BenchData.Beans(N);

    /// <summary>Σx + Σy with Vector256 and four independent accumulators: the cheapest pass over both columns.</summary>
    [Benchmark(Baseline = true)]
    public double PlainSum()
    {
        ref double x = ref MemoryMarshal.GetArrayDataReference(_samples.X1);
        ref double y = ref MemoryMarshal.GetArrayDataReference(_samples.Y);
        var x0 = Vector256<double>.Zero;
        var y0 = Vector256<double>.Zero;
        var x1 = Vector256<double>.Zero;
        var y1 = Vector256<double>.Zero;
        int body = N - (N % 8);
        for (int i = 0; i < body; i += 8)
        {
            x0 += Vector256.LoadUnsafe(ref x, (nuint)i);
            y0 += Vector256.LoadUnsafe(ref y, (nuint)i);
            x1 += Vector256.LoadUnsafe(ref x, (nuint)(i + 4));
            y1 += Vector256.LoadUnsafe(ref y, (nuint)(i + 4));
        }

        double sum = Vector256.Sum((x0 + y0) + (x1 + y1));
        for (int i = body; i < N; i++)
        {
            sum += _samples.X1[i] + _samples.Y[i];
        }

        return sum;
    }

    /// <summary>Origin.LossGradient over all samples (the SIMD kernel).</summary>
    [Benchmark]
    public double OriginLossGradient() => default(Origin).LossGradient(_samples, 0, N, _theta.AsSpan(0, 1), _gradient);

    /// <summary>The origin scalar kernel.</summary>
    [Benchmark]
    public double OriginScalar()
    {
        LinearSums.OriginScalar(_samples.X1, _samples.Y, _theta[0], out double sumSq, out double sumRx);
        return sumSq + sumRx;
    }

    /// <summary>Affine.LossGradient over all samples (the SIMD kernel).</summary>
    [Benchmark]
    public double AffineLossGradient() => default(Affine).LossGradient(_samples, 0, N, _theta, _gradient);

    /// <summary>The affine scalar kernel.</summary>
    [Benchmark]
    public double AffineScalar()
    {
        LinearSums.AffineScalar(_samples.X1, _samples.Y, _theta[0], _theta[1], out double sumSq, out double sumRx, out double sumR);
        return sumSq + sumRx + sumR;
    }
}
