namespace DescentLab.Core.Tuning;

/// <summary>How a tuning budget's settings are placed in the search space.</summary>
public enum SamplerKind
{
    /// <summary>A scrambled Halton sequence: spread evenly, deterministic from the seed.</summary>
    QuasiRandom,

    /// <summary>A regular grid of exactly the budget's points.</summary>
    Grid,

    /// <summary>Independent uniform draws from a seeded generator.</summary>
    Random,
}
