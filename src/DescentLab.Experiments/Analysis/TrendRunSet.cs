namespace DescentLab.Experiments.Analysis;

/// <summary>One run set on a trend's x axis.</summary>
/// <param name="Id">History id.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="Label">Short git commit (7 characters), or <c>no git</c>.</param>
public sealed record TrendRunSet(long Id, DateTimeOffset StartedUtc, string Label)
{
    /// <summary>The axis label: the UTC date (with the time when another run set shares the date) over the short commit, so
    /// two nights on one commit stay apart.</summary>
    public string AxisLabel { get; init; } = Label;
}
