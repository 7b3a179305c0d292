using DescentLab.Core.Metrics;

namespace DescentLab.Experiments.Results;

/// <summary>The spellings of <see cref="ReferenceKind"/> in CSV, manifests, reports and history.</summary>
public static class ReferenceKindKeys
{
    /// <summary><c>exact</c>, <c>infimum</c> or <c>best_known</c>.</summary>
    public static string ToKey(this ReferenceKind kind) => kind switch
    {
        ReferenceKind.Exact => "exact",
        ReferenceKind.Infimum => "infimum",
        ReferenceKind.BestKnown => "best_known",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses a key written by <see cref="ToKey"/>.</summary>
    public static bool TryParse(string key, out ReferenceKind kind)
    {
        foreach (var candidate in Enum.GetValues<ReferenceKind>())
        {
            if (candidate.ToKey() == key)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Every key, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ReferenceKind>().Select(k => k.ToKey())];
}
