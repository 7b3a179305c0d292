namespace DescentLab.Experiments.Config;

/// <summary>Sizes a config may ask for; beyond them it is refused before anything is allocated.</summary>
/// <param name="MaxSamples">Largest n of one dataset.</param>
/// <param name="MaxWork">Largest total of per-sample gradient evaluations of one config: epochs × n for the updates plus
/// n per recorded curve row, summed over runs.</param>
/// <param name="MaxCurveRows">Largest total of curve rows over all runs (memory and disk for curves).</param>
public sealed record ConfigLimits(long MaxSamples = 50_000_000, long MaxWork = 20_000_000_000, long MaxCurveRows = 50_000_000)
{
    /// <summary>The defaults.</summary>
    public static ConfigLimits Default { get; } = new();
}
