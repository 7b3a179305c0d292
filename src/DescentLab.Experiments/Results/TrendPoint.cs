namespace DescentLab.Experiments.Results;

/// <summary>One problem × setting's result in one past run set of the same config (for the trend plot and its steps).</summary>
/// <param name="RunSetId">History id of the run set.</param>
/// <param name="StartedUtc">When that run set started.</param>
/// <param name="Variant">Variant key.</param>
/// <param name="MedianFinalGap">Median final gap over the setting's seeds on the problem (NaN when most diverged).</param>
/// <param name="MedianEpochsToTarget">Lower median epochs to target over all seeds (a seed that never reached it counts as
/// never), or null when fewer than half reached it.</param>
public sealed record TrendPoint(long RunSetId, DateTimeOffset StartedUtc, string Variant, double MedianFinalGap, double? MedianEpochsToTarget)
{
    /// <summary>Git commit the run set was built from, or null when it had none.</summary>
    public string? Commit { get; init; }

    /// <summary>Problem label (e.g. <c>beans1 n=30, origin, mse</c>); empty in a trend.csv written before trends were per problem.</summary>
    public string Problem { get; init; } = string.Empty;

    /// <summary>Setting label (e.g. <c>adam lr=0.1</c>); the variant key in a trend.csv written before trends were per setting.</summary>
    public string Setting
    {
        get => _setting ?? Variant;
        init => _setting = value;
    }

    /// <summary>The problem's leader in this run set by the leaderboard's rule; false in a trend.csv written before
    /// leaders were kept.</summary>
    public bool Leader { get; init; }

    /// <summary>Median final accuracy where accuracy judges the problem (an infimum reference on a classification problem), else
    /// null.</summary>
    public double? MedianAccuracy { get; init; }

    /// <summary>The machine the run set ran on, or null when unknown (recorded before machines were kept, or read from a
    /// trend.csv).</summary>
    public string? Machine { get; init; }

    private readonly string? _setting;
}
