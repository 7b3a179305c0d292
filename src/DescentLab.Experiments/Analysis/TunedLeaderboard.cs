namespace DescentLab.Experiments.Analysis;

/// <summary>Each variant at its best swept setting per problem, variants ranked by that best setting (the "tuned"
/// comparison of Beiranvand et al. 2017: a variant is not judged by its worst learning rate).</summary>
/// <param name="Problems">The problems, in plan order.</param>
/// <param name="Variants">Variants in order of first appearance.</param>
/// <param name="Best">Per problem, each variant's best entry with its rank among variants; a variant absent from a
/// problem has no entry there.</param>
/// <param name="Judgments">Per problem, the measures that judge it (and ranked its settings).</param>
public sealed record TunedLeaderboard(
    IReadOnlyList<ProblemKey> Problems,
    IReadOnlyList<string> Variants,
    IReadOnlyDictionary<ProblemKey, IReadOnlyDictionary<string, (int Rank, LeaderboardEntry Entry)>> Best,
    IReadOnlyDictionary<ProblemKey, ProblemJudgment> Judgments)
{
    /// <summary>The tuned board of <paramref name="boards"/>: a variant's best setting is its first in the problem's ranking.</summary>
    public static TunedLeaderboard From(IReadOnlyList<Leaderboard> boards)
    {
        var variants = boards.SelectMany(b => b.Entries).Select(e => e.Setting.Variant).Distinct().ToList();
        var best = new Dictionary<ProblemKey, IReadOnlyDictionary<string, (int, LeaderboardEntry)>>();
        foreach (var board in boards)
        {
            var perVariant = new Dictionary<string, (int, LeaderboardEntry)>(StringComparer.Ordinal);
            foreach (var entry in board.Entries)
            {
                if (!perVariant.ContainsKey(entry.Setting.Variant))
                {
                    perVariant.Add(entry.Setting.Variant, (perVariant.Count + 1, entry));
                }
            }

            best[board.Problem] = perVariant;
        }

        return new TunedLeaderboard(boards.Select(b => b.Problem).ToList(), variants, best, boards.ToDictionary(b => b.Problem, b => b.Judged));
    }
}
