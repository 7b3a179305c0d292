using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>Puts the rows of a tuned set's shards back in plan order.</summary>
/// <remarks>A tuned plan gives whole groups (one problem × variant entry: its trials and its evaluation runs) to shards
/// round-robin, group g to shard g mod N + 1. A set (and each shard) holds every trial first, then every evaluation run;
/// within a phase plan order takes group 0 of shard 1, group 0 of shard 2, …, then group 1 of each, and so on. A group's
/// rows of one phase are consecutive in its shard and share <see cref="RunIds.TrialGroup"/>.</remarks>
internal static class TunedShards
{
    /// <summary>The rows of <paramref name="shards"/> (ordered by shard index) in plan order: every trial, then every
    /// evaluation run, each phase in group order.</summary>
    public static IReadOnlyList<SummaryRow> Order(IReadOnlyList<IReadOnlyList<SummaryRow>> shards) =>
    [
        .. InGroupOrder([.. shards.Select(s => (IReadOnlyList<SummaryRow>)[.. s.Where(r => r.Phase != TrialPhase.Eval)])]),
        .. InGroupOrder([.. shards.Select(s => (IReadOnlyList<SummaryRow>)[.. s.Where(r => r.Phase == TrialPhase.Eval)])]),
    ];

    private static List<SummaryRow> InGroupOrder(IReadOnlyList<IReadOnlyList<SummaryRow>> shards)
    {
        var groups = shards.Select(Groups).ToList();
        var rows = new List<SummaryRow>();
        for (int round = 0; groups.Any(g => round < g.Count); round++)
        {
            foreach (var shard in groups.Where(g => round < g.Count))
            {
                rows.AddRange(shard[round]);
            }
        }

        return rows;
    }

    private static List<List<SummaryRow>> Groups(IReadOnlyList<SummaryRow> rows)
    {
        var groups = new List<List<SummaryRow>>();
        string? current = null;
        foreach (var row in rows)
        {
            string key = RunIds.TrialGroup(row.RunId);
            if (key != current)
            {
                groups.Add([]);
                current = key;
            }

            groups[^1].Add(row);
        }

        return groups;
    }
}
