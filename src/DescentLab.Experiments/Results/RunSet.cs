using DescentLab.Core.Datasets;

namespace DescentLab.Experiments.Results;

/// <summary>Everything exporters, plots and the report read: it can be rebuilt from a run folder's files alone.</summary>
public sealed record RunSet
{
    /// <summary>manifest.json.</summary>
    public required RunManifest Manifest { get; init; }

    /// <summary>summary.csv, in plan order.</summary>
    public required IReadOnlyList<SummaryRow> Rows { get; init; }

    /// <summary>The curves (curves.csv) by run id, read on demand (a streamed set holds none in memory).</summary>
    public required ICurveSource Curves { get; init; }

    /// <summary>The data of each dataset instance by key (for scatter and contour plots).</summary>
    public required IReadOnlyDictionary<string, Dataset> Datasets { get; init; }

    /// <summary>Comparison with the baseline, if the config asks for one.</summary>
    public RegressionReport? Regression { get; init; }

    /// <summary>Past run sets of the same config, oldest first (at most 30), this one included.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];
}
