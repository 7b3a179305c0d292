using DescentLab.Experiments.Results;

namespace DescentLab.Output.History;

/// <summary>Collects runs of several run sets and reduces them to one <see cref="TrendPoint"/> per run set and variant.</summary>
/// <remarks>Runs must arrive grouped by run set, oldest first, in plan order; variants keep the order they first appear in.
/// The median final gap ranks NaN above every number (a diverged run is the worst), so a median of mostly diverged runs is
/// NaN; the median epochs to target is over the runs that reached the target, or null if none did.</remarks>
internal sealed class HistoryTrend
{
    private readonly List<TrendPoint> _points = [];
    private readonly Dictionary<string, (List<double> Gaps, List<double> Epochs)> _variants = new(StringComparer.Ordinal);
    private readonly List<string> _variantOrder = [];
    private long _runSetId;
    private DateTimeOffset _startedUtc;

    /// <summary>Adds one run.</summary>
    public void Add(long runSetId, DateTimeOffset startedUtc, string variant, double finalGap, int? epochsToTarget)
    {
        if (_variantOrder.Count > 0 && runSetId != _runSetId)
        {
            Flush();
        }

        _runSetId = runSetId;
        _startedUtc = startedUtc;
        if (!_variants.TryGetValue(variant, out var values))
        {
            values = ([], []);
            _variants.Add(variant, values);
            _variantOrder.Add(variant);
        }

        values.Gaps.Add(finalGap);
        if (epochsToTarget is { } epochs)
        {
            values.Epochs.Add(epochs);
        }
    }

    /// <summary>The points of every run set added so far.</summary>
    public IReadOnlyList<TrendPoint> Points()
    {
        Flush();
        return _points;
    }

    /// <summary>The median of <paramref name="values"/> (sorted in place), NaN ranking above every number.</summary>
    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort(static (a, b) => double.IsNaN(a) || double.IsNaN(b) ? double.IsNaN(a).CompareTo(double.IsNaN(b)) : a.CompareTo(b));
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private void Flush()
    {
        foreach (string variant in _variantOrder)
        {
            var (gaps, epochs) = _variants[variant];
            _points.Add(new TrendPoint(_runSetId, _startedUtc, variant, Median(gaps), epochs.Count > 0 ? Median(epochs) : null));
        }

        _variants.Clear();
        _variantOrder.Clear();
    }
}
