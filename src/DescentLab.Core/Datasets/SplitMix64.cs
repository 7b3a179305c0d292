namespace DescentLab.Core.Datasets;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014); used only to expand a 64-bit seed into xoshiro state.</summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts the generator at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Next 64-bit output.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
