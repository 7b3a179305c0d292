using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>A Dolan–Moré performance profile: for each setting, the share of all problems on which its cost is within a
/// factor τ of the best setting's cost on that problem (Dolan and Moré 2002).</summary>
/// <param name="Problems">Every problem of the run set: the denominator of every curve.</param>
/// <param name="Curves">One curve per variant setting, in plan order.</param>
/// <remarks>Cost = gradient evaluations to the problem's target (target_gap, or target_loss / target_accuracy where L* is
/// an infimum; lower median over seeds, <see cref="LeaderboardEntry.GradEvalsToTarget"/>).
/// A setting that did not reach the target on a problem, or did not run on it, has ratio ∞ there; a problem no setting
/// solved counts against everyone. Tied best settings both have ratio 1.</remarks>
public sealed record PerformanceProfile(IReadOnlyList<ProblemKey> Problems, IReadOnlyList<ProfileCurve> Curves)
{
    /// <summary>The profile of <paramref name="boards"/>, one leaderboard per problem.</summary>
    public static PerformanceProfile From(IReadOnlyList<Leaderboard> boards)
    {
        var problems = boards.Select(b => b.Problem).ToList();
        var settings = new List<VariantSetting>();
        foreach (var entry in boards.SelectMany(b => b.Entries))
        {
            if (!settings.Contains(entry.Setting))
            {
                settings.Add(entry.Setting);
            }
        }

        var ratios = settings.ToDictionary(s => s, _ => new List<double>());
        foreach (var board in boards)
        {
            long? best = board.Entries.Select(e => e.GradEvalsToTarget).Where(c => c is not null).Min();
            foreach (var entry in board.Entries)
            {
                if (best is long b && entry.GradEvalsToTarget is long cost)
                {
                    ratios[entry.Setting].Add(b == 0 ? (cost == 0 ? 1 : double.PositiveInfinity) : (double)cost / b);
                }
            }
        }

        return new PerformanceProfile(problems, settings.Select(s => new ProfileCurve(s, [.. ratios[s].Order()], problems.Count)).ToList());
    }

    /// <summary>The profile of <paramref name="set"/>.</summary>
    public static PerformanceProfile From(RunSet set) => From(Leaderboard.Build(set));
}
