using DescentLab.Core.Datasets;
using DescentLab.Core.Models.Kernels;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>The Vector256 kernels agree bit for bit with their scalar references, and both with a plain loop.</summary>
/// <remarks>n covers 0, 1, lanes - 1, lanes, lanes + 1, 2·lanes ± 1 and a long run (vectorization-guidelines: remainder
/// handling). CI runs this folder once more with DOTNET_EnableHWIntrinsic=0, where Vector256 falls back to software.</remarks>
[Category("Kernels")]
public sealed class LinearSumsTests
{
    private static readonly int[] Sizes = [0, 1, 3, 4, 5, 7, 8, 9, 1000];

    [TestCaseSource(nameof(Sizes))]
    public void OriginVector_RandomData_EqualsScalarBitForBit(int n)
    {
        var (x, y) = RandomColumns(n, 100 + (ulong)n);
        foreach (double w in new[] { 0.0, 0.7, -3.25, 1e-3 })
        {
            LinearSums.OriginVector(x, y, w, out double vectorSq, out double vectorRx);
            LinearSums.OriginScalar(x, y, w, out double scalarSq, out double scalarRx);
            LinearSums.Origin(x, y, w, out double dispatchSq, out double dispatchRx);

            Assert.Multiple(() =>
            {
                Assert.That(Bits(vectorSq), Is.EqualTo(Bits(scalarSq)));
                Assert.That(Bits(vectorRx), Is.EqualTo(Bits(scalarRx)));
                Assert.That(Bits(dispatchSq), Is.EqualTo(Bits(scalarSq)));
                Assert.That(Bits(dispatchRx), Is.EqualTo(Bits(scalarRx)));
            });
        }
    }

    [TestCaseSource(nameof(Sizes))]
    public void AffineVector_RandomData_EqualsScalarBitForBit(int n)
    {
        var (x, y) = RandomColumns(n, 200 + (ulong)n);
        foreach (var (w, b) in new[] { (0.0, 0.0), (0.7, 0.3), (-3.25, 12.5), (1e-3, -0.5) })
        {
            LinearSums.AffineVector(x, y, w, b, out double vectorSq, out double vectorRx, out double vectorR);
            LinearSums.AffineScalar(x, y, w, b, out double scalarSq, out double scalarRx, out double scalarR);
            LinearSums.Affine(x, y, w, b, out double dispatchSq, out double dispatchRx, out double dispatchR);

            Assert.Multiple(() =>
            {
                Assert.That(Bits(vectorSq), Is.EqualTo(Bits(scalarSq)));
                Assert.That(Bits(vectorRx), Is.EqualTo(Bits(scalarRx)));
                Assert.That(Bits(vectorR), Is.EqualTo(Bits(scalarR)));
                Assert.That(Bits(dispatchSq), Is.EqualTo(Bits(scalarSq)));
                Assert.That(Bits(dispatchRx), Is.EqualTo(Bits(scalarRx)));
                Assert.That(Bits(dispatchR), Is.EqualTo(Bits(scalarR)));
            });
        }
    }

    [TestCaseSource(nameof(Sizes))]
    public void AffineScalar_RandomData_MatchesPlainLoop(int n)
    {
        var (x, y) = RandomColumns(n, 300 + (ulong)n);
        const double w = 0.9, b = -0.2;
        double sq = 0, rx = 0, r = 0, absRx = 0, absR = 0;
        for (int i = 0; i < n; i++)
        {
            double ri = w * x[i] + b - y[i];
            sq += ri * ri;
            rx += ri * x[i];
            r += ri;
            absRx += Math.Abs(ri * x[i]);
            absR += Math.Abs(ri);
        }

        LinearSums.AffineScalar(x, y, w, b, out double sumSq, out double sumRx, out double sumR);

        // Only the summation order differs from the plain loop; both errors are below n·eps·Σ|term|.
        double bound = 2 * n * 2.220446049250313e-16;
        Assert.Multiple(() =>
        {
            Assert.That(sumSq, Is.EqualTo(sq).Within(bound * sq));
            Assert.That(sumRx, Is.EqualTo(rx).Within(bound * absRx));
            Assert.That(sumR, Is.EqualTo(r).Within(bound * absR));
        });
    }

    [Test]
    public void Vector_XShorterThanY_IsRejected()
    {
        Assert.That(() => LinearSums.OriginVector(new double[3], new double[4], 1, out _, out _), Throws.ArgumentException);
        Assert.That(() => LinearSums.AffineVector(new double[3], new double[4], 1, 0, out _, out _, out _), Throws.ArgumentException);
    }

    private static (double[] X, double[] Y) RandomColumns(int n, ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Mixed signs and magnitudes so that every rounding of the partial sums matters.
            x[i] = (rng.NextUniform() - 0.3) * Math.Pow(10, rng.NextIndex(7) - 3);
            y[i] = (rng.NextUniform() - 0.5) * Math.Pow(10, rng.NextIndex(7) - 3);
        }

        return (x, y);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
