using System.Numerics;

namespace DescentLab.Core.Datasets;

/// <summary>xoshiro256** (Blackman, Vigna 2018), the only random source of DescentLab.</summary>
/// <remarks>The four state words are four successive SplitMix64 outputs started at the seed;
/// a uniform is <c>(next() &gt;&gt; 11) * 2^-53</c>, in [0, 1).</remarks>
public struct Xoshiro256StarStar
{
    private const double UniformScale = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state through SplitMix64.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var splitMix = new SplitMix64(seed);
        _s0 = splitMix.Next();
        _s1 = splitMix.Next();
        _s2 = splitMix.Next();
        _s3 = splitMix.Next();
    }

    /// <summary>A generator with the given raw state, which must not be all zero.</summary>
    /// <remarks>For checking against the published reference vectors of the algorithm (state {1, 2, 3, 4}).</remarks>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        return new Xoshiro256StarStar { _s0 = s0, _s1 = s1, _s2 = s2, _s3 = s3 };
    }

    /// <summary>Next 64-bit output.</summary>
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextUniform() => ToUniform(Next() >> 11);

    /// <summary>The uniform that <see cref="NextUniform"/> makes of the top 53 bits <paramref name="bits"/> of an output.</summary>
    /// <remarks>Monotone in <paramref name="bits"/>, so sorting the bits sorts the uniforms.</remarks>
    public static double ToUniform(ulong bits) => bits * UniformScale;

    /// <summary>Uniform integer in [0, bound), by <c>floor(U * bound)</c> so other languages can follow it.</summary>
    public int NextIndex(int bound) => (int)(NextUniform() * bound);
}
