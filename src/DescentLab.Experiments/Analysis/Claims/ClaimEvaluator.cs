using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;

namespace DescentLab.Experiments.Analysis.Claims;

/// <summary>Checks the claims of a config's report notes on a run set (docs/report.md, "Checked claims").</summary>
/// <remarks>A claim looks at the runs of its note's scope: the note's dataset and model, or every problem when it names
/// none; one run per seed and problem. A run that never met its target has no epochs to target and counts as never.</remarks>
public static class ClaimEvaluator
{
    /// <summary>Every claim of every note of <paramref name="set"/>'s report block, in config order.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(RunSet set)
    {
        var report = set.Manifest.ResolvedConfig.Report ?? ReportConfig.Default;
        return [.. report.Notes.SelectMany(note => Evaluate(set, note))];
    }

    /// <summary>The claims of <paramref name="note"/> checked on <paramref name="set"/>.</summary>
    public static IEnumerable<ClaimResult> Evaluate(RunSet set, ReportNote note)
    {
        var scope = set.Rows.Where(r => note.Describes(r.Dataset, r.Model)).ToList();
        return note.Expect.Select(claim => claim.Kind switch
        {
            ClaimKind.Measure => MeasureClaim(set, note, claim, scope),
            ClaimKind.Status => StatusClaim(note, claim, scope),
            _ => Comparison(note, claim, scope),
        });
    }

    private static ClaimResult MeasureClaim(RunSet set, ReportNote note, NoteClaim claim, List<SummaryRow> scope)
    {
        string measure = claim.Measure!;
        var runs = scope.Where(r => r.Variant == claim.Variant).ToList();
        var values = runs.Select(r => Value(r, measure)).ToList();
        var references = runs.Select(r => claim.Value ?? Optimum(set, r, measure)).ToList();
        var differences = values.Zip(references, (v, o) => v - o).ToList();
        bool holds = runs.Count > 0 && claim.Seeds switch
        {
            ClaimSeeds.All => differences.All(d => Compare(d, claim.Comparison!)),
            ClaimSeeds.Any => differences.Any(d => Compare(d, claim.Comparison!)),
            _ => Compare(MedianOf(differences, measure), claim.Comparison!),
        };
        string reference = claim.Value is { } v ? HumanNumber.Exact(v) : NoteClaim.Optimum;
        string measured = Values(values, measure, claim.Seeds);
        if (claim.Value is null && references.Distinct().ToList() is [double optimum])
        {
            measured += " (optimum " + HumanNumber.Format(optimum) + ")";
        }

        return new ClaimResult(note, claim, holds, $"{claim.Variant} {measure} {claim.Comparison} {reference}{Over(claim.Seeds)}", measured);
    }

    private static ClaimResult StatusClaim(ReportNote note, NoteClaim claim, List<SummaryRow> scope)
    {
        var runs = scope.Where(r => r.Variant == claim.Variant).ToList();
        int matching = runs.Count(r => r.Status.ToKey() == claim.Status);
        bool holds = runs.Count > 0 && claim.Seeds switch
        {
            ClaimSeeds.All => matching == runs.Count,
            ClaimSeeds.Any => matching > 0,
            _ => 2 * matching >= runs.Count,
        };
        string statuses = string.Join(", ", runs.GroupBy(r => r.Status.ToKey()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}/{runs.Count}"));
        return new ClaimResult(note, claim, holds, $"{claim.Variant} ends {claim.Status}{Over(claim.Seeds)}", runs.Count == 0 ? "no runs" : statuses);
    }

    /// <summary>A faster or better claim: runs of the two variants paired by problem and seed.</summary>
    private static ClaimResult Comparison(ReportNote note, NoteClaim claim, List<SummaryRow> scope)
    {
        string measure = claim.Measure!;
        var mine = scope.Where(r => r.Variant == claim.Variant).ToList();
        var theirs = scope.Where(r => r.Variant == claim.Than).ToList();
        var pairs = mine.Join(theirs, Pairing, Pairing, (a, b) => (A: Value(a, measure), B: Value(b, measure))).ToList();
        int ahead = pairs.Count(p => Beats(p.A, p.B, measure));
        var mineValues = mine.Select(r => Value(r, measure)).ToList();
        var theirValues = theirs.Select(r => Value(r, measure)).ToList();
        bool holds = pairs.Count > 0 && claim.Seeds switch
        {
            ClaimSeeds.All => ahead == pairs.Count,
            ClaimSeeds.Any => ahead > 0,
            _ => Beats(MedianOf(mineValues, measure), MedianOf(theirValues, measure), measure),
        };
        string word = claim.Kind == ClaimKind.Faster ? "faster than" : "better than";
        string measured = $"{claim.Variant} {Values(mineValues, measure, claim.Seeds)}, {claim.Than} {Values(theirValues, measure, claim.Seeds)}";
        if (pairs.Count > 1 && claim.Seeds != ClaimSeeds.Median)
        {
            measured += $"; ahead on {ahead} of {pairs.Count} seeds";
        }

        return new ClaimResult(note, claim, holds, $"{claim.Variant} {word} {claim.Than} by {measure}{Over(claim.Seeds)}", measured);
    }

    private static (string, string, string, ulong) Pairing(SummaryRow row) => (row.DatasetKey, row.Model, row.Loss, row.Seed);

    /// <summary>The run's value of <paramref name="measure"/>: a target never met is +∞, a missing accuracy or parameter NaN.</summary>
    private static double Value(SummaryRow row, string measure) => measure switch
    {
        NoteClaim.FinalGap => row.FinalGap,
        NoteClaim.FinalLoss => row.FinalLoss,
        NoteClaim.Accuracy => row.Accuracy ?? double.NaN,
        NoteClaim.EpochsToTarget => row.EpochsToTarget ?? double.PositiveInfinity,
        NoteClaim.GradEvalsToTarget => row.GradEvalsToTarget ?? double.PositiveInfinity,
        _ => row.FinalParameters.FirstOrDefault(p => p.Key == measure) is { Key: not null } p ? p.Value : double.NaN,
    };

    /// <summary>The optimum a measure is compared with: L* for the final loss, the optimum's parameter value otherwise.</summary>
    private static double Optimum(RunSet set, SummaryRow row, string measure)
    {
        if (measure == NoteClaim.FinalLoss)
        {
            return row.OptimumLoss;
        }

        var problem = set.Manifest.Problems.FirstOrDefault(p => p.DatasetKey == row.DatasetKey && p.Model == row.Model && p.Loss == row.Loss);
        return problem?.OptimumParameters.FirstOrDefault(p => p.Key == measure) is { Key: not null } parameter ? parameter.Value : double.NaN;
    }

    private static bool Compare(double difference, string comparison) => comparison switch
    {
        "<" => difference < 0,
        "<=" => difference <= 0,
        ">" => difference > 0,
        _ => difference >= 0,
    };

    private static bool Beats(double mine, double theirs, string measure) =>
        NoteClaim.HigherIsBetter(measure) ? mine > theirs : mine < theirs;

    /// <summary>The median the leaderboards use: the lower median for measures to target, the plain median otherwise.</summary>
    private static double MedianOf(IReadOnlyList<double> values, string measure) =>
        NoteClaim.ToTargetMeasures.Contains(measure)
            ? Median.LowerOrNull(values.Select(v => double.IsFinite(v) ? (long?)v : null)) ?? double.PositiveInfinity
            : Median.Of(values);

    private static string Values(IReadOnlyList<double> values, string measure, ClaimSeeds seeds)
    {
        if (values.Count == 0)
        {
            return "no runs";
        }

        if (values.Distinct().Count() == 1)
        {
            return Human(values[0], measure);
        }

        return seeds == ClaimSeeds.Median
            ? "median " + Human(MedianOf(values, measure), measure)
            : Human(values.Min(), measure) + " to " + Human(values.Max(), measure);
    }

    private static string Human(double value, string measure) =>
        double.IsPositiveInfinity(value) && NoteClaim.ToTargetMeasures.Contains(measure) ? "never" : HumanNumber.Format(value);

    private static string Over(ClaimSeeds seeds) => seeds switch
    {
        ClaimSeeds.All => string.Empty,
        ClaimSeeds.Any => " on some seed",
        _ => " in the median",
    };
}
