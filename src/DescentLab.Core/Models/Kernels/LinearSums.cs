using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DescentLab.Core.Models.Kernels;

/// <summary>Residual sums of the linear models, <c>r = w·x (+ b) - y</c>: Σr², Σr·x and Σr.</summary>
/// <remarks>Determinism beats width: the vector path uses Vector256 (always 4 lanes) and the scalar path keeps the same
/// 4 interleaved partial sums, combined as (l0 + l1) + (l2 + l3), then the tail added in order. Both agree bit for bit on
/// every CPU. No fused multiply-add: the JIT does not contract separate vector multiply and add.</remarks>
public static class LinearSums
{
    private const int Lanes = 4;

    /// <summary>Origin model sums; picks the vector path when the hardware has it.</summary>
    /// <remarks>Not inlined: ReadyToRun code that asks about AVX2 is discarded on a machine that has it, so a caller that
    /// inlined this choice would run unoptimised JIT code in every cold process instead of its precompiled code.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Origin(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, out double sumSq, out double sumRx)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            OriginVector(x, y, w, out sumSq, out sumRx);
        }
        else
        {
            OriginScalar(x, y, w, out sumSq, out sumRx);
        }
    }

    /// <summary>Affine model sums; picks the vector path when the hardware has it.</summary>
    /// <remarks>Not inlined, as <see cref="Origin"/>.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Affine(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, double b, out double sumSq, out double sumRx, out double sumR)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            AffineVector(x, y, w, b, out sumSq, out sumRx, out sumR);
        }
        else
        {
            AffineScalar(x, y, w, b, out sumSq, out sumRx, out sumR);
        }
    }

    /// <summary>Scalar reference for <see cref="Origin"/>, same accumulation order as the vector path.</summary>
    public static void OriginScalar(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, out double sumSq, out double sumRx)
    {
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0, p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        int n = y.Length;
        int body = n - (n % Lanes);
        for (int i = 0; i < body; i += Lanes)
        {
            double r0 = w * x[i] - y[i];
            double r1 = w * x[i + 1] - y[i + 1];
            double r2 = w * x[i + 2] - y[i + 2];
            double r3 = w * x[i + 3] - y[i + 3];
            q0 += r0 * r0; q1 += r1 * r1; q2 += r2 * r2; q3 += r3 * r3;
            p0 += r0 * x[i]; p1 += r1 * x[i + 1]; p2 += r2 * x[i + 2]; p3 += r3 * x[i + 3];
        }

        sumSq = (q0 + q1) + (q2 + q3);
        sumRx = (p0 + p1) + (p2 + p3);
        for (int i = body; i < n; i++)
        {
            double r = w * x[i] - y[i];
            sumSq += r * r;
            sumRx += r * x[i];
        }
    }

    /// <summary>Vector256 path for <see cref="Origin"/>.</summary>
    /// <remarks>Never precompiled (it needs AVX2), so it is compiled optimised at its first call rather than first run
    /// unoptimised.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OriginVector(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, out double sumSq, out double sumRx)
    {
        int n = y.Length;
        if (x.Length < n)
        {
            throw new ArgumentException("x is shorter than y.", nameof(x));
        }

        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        var wv = Vector256.Create(w);
        var q = Vector256<double>.Zero;
        var p = Vector256<double>.Zero;
        int body = n - (n % Lanes);
        for (int i = 0; i < body; i += Lanes)
        {
            var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
            var r = wv * xv - Vector256.LoadUnsafe(ref yr, (nuint)i);
            q += r * r;
            p += r * xv;
        }

        sumSq = Combine(q);
        sumRx = Combine(p);
        for (int i = body; i < n; i++)
        {
            double r = w * x[i] - y[i];
            sumSq += r * r;
            sumRx += r * x[i];
        }
    }

    /// <summary>Scalar reference for <see cref="Affine"/>, same accumulation order as the vector path.</summary>
    public static void AffineScalar(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, double b, out double sumSq, out double sumRx, out double sumR)
    {
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0, p0 = 0, p1 = 0, p2 = 0, p3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = y.Length;
        int body = n - (n % Lanes);
        for (int i = 0; i < body; i += Lanes)
        {
            double r0 = w * x[i] + b - y[i];
            double r1 = w * x[i + 1] + b - y[i + 1];
            double r2 = w * x[i + 2] + b - y[i + 2];
            double r3 = w * x[i + 3] + b - y[i + 3];
            q0 += r0 * r0; q1 += r1 * r1; q2 += r2 * r2; q3 += r3 * r3;
            p0 += r0 * x[i]; p1 += r1 * x[i + 1]; p2 += r2 * x[i + 2]; p3 += r3 * x[i + 3];
            s0 += r0; s1 += r1; s2 += r2; s3 += r3;
        }

        sumSq = (q0 + q1) + (q2 + q3);
        sumRx = (p0 + p1) + (p2 + p3);
        sumR = (s0 + s1) + (s2 + s3);
        for (int i = body; i < n; i++)
        {
            double r = w * x[i] + b - y[i];
            sumSq += r * r;
            sumRx += r * x[i];
            sumR += r;
        }
    }

    /// <summary>Vector256 path for <see cref="Affine"/>.</summary>
    /// <remarks>Compiled optimised at its first call, as <see cref="OriginVector"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AffineVector(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double w, double b, out double sumSq, out double sumRx, out double sumR)
    {
        int n = y.Length;
        if (x.Length < n)
        {
            throw new ArgumentException("x is shorter than y.", nameof(x));
        }

        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        var wv = Vector256.Create(w);
        var bv = Vector256.Create(b);
        var q = Vector256<double>.Zero;
        var p = Vector256<double>.Zero;
        var s = Vector256<double>.Zero;
        int body = n - (n % Lanes);
        for (int i = 0; i < body; i += Lanes)
        {
            var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
            var r = wv * xv + bv - Vector256.LoadUnsafe(ref yr, (nuint)i);
            q += r * r;
            p += r * xv;
            s += r;
        }

        sumSq = Combine(q);
        sumRx = Combine(p);
        sumR = Combine(s);
        for (int i = body; i < n; i++)
        {
            double r = w * x[i] + b - y[i];
            sumSq += r * r;
            sumRx += r * x[i];
            sumR += r;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Combine(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
