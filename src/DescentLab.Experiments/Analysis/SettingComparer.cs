using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Compares a run set with its baseline per problem × variant setting across seeds: the median and the worst seed of
/// each metric (what the gate decides on, like asv compares a benchmark, not one sample of it).</summary>
/// <remarks>
/// Only seeds present in both sets enter the medians, so a missing seed cannot move them; seeds of the baseline that are
/// missing now, and settings of a variant or problem that is gone, are their own <c>runs</c> finding, a regression unless
/// <c>allow_missing</c> (which says that it excused them). When a variant's settings on a problem changed, its best setting
/// then and now are compared (<see cref="BestSettingComparer"/>), so a new setting is judged, never passed by default. Medians: <see cref="Median.Of"/> for gaps (NaN counts as +∞), the lower median for epochs
/// (not reached counts as never) and for status severity. Worst: the largest gap (NaN worst of all), the most epochs (not
/// reached worst), the most severe status. A metric regresses when its median or its worst seed got worse beyond tolerance.
/// </remarks>
public static class SettingComparer
{
    private const string NotApplicable = "n/a";

    /// <summary>Every setting × metric comparison: current settings in order, then each problem × variant whose settings
    /// changed (<see cref="BestSettingComparer"/>), then what is gone from the baseline.</summary>
    public static IReadOnlyList<SettingComparison> Compare(IReadOnlyList<SummaryRow> baseline, IReadOnlyList<SummaryRow> current, RegressionConfig config)
    {
        var baselineById = baseline.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        var currentIds = current.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var baselineBySetting = baseline.GroupBy(r => RunIds.Setting(r.RunId), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var comparisons = new List<SettingComparison>();
        foreach (var group in current.GroupBy(r => RunIds.Setting(r.RunId), StringComparer.Ordinal))
        {
            var pairs = group.Where(r => baselineById.ContainsKey(r.RunId)).Select(r => (Before: baselineById[r.RunId], Now: r)).ToList();
            if (pairs.Count > 0)
            {
                comparisons.Add(Gap(group.Key, pairs, config));
                comparisons.Add(Epochs(group.Key, pairs, config));
                comparisons.Add(Status(group.Key, pairs));
            }

            if (baselineBySetting.TryGetValue(group.Key, out var before))
            {
                AddMissing(comparisons, group.Key, before.Count, before.Count(r => !currentIds.Contains(r.RunId)), "seeds gone", config);
            }
        }

        var baselineVariants = ByVariant(baseline);
        var currentVariants = ByVariant(current);
        foreach (var (variant, now) in currentVariants)
        {
            if (baselineVariants.TryGetValue(variant, out var then) && !SettingsOf(then).SetEquals(SettingsOf(now)))
            {
                comparisons.Add(BestSettingComparer.Compare(variant.Variant, then, now, config));
            }
        }

        var currentSettings = current.Select(r => RunIds.Setting(r.RunId)).ToHashSet(StringComparer.Ordinal);
        foreach (var (setting, before) in baselineBySetting.Where(s => !currentSettings.Contains(s.Key)))
        {
            // A changed setting of a variant that still runs on the problem is judged by its best setting above.
            var variant = (ProblemKey.From(before[0]), before[0].Variant);
            if (!currentVariants.ContainsKey(variant))
            {
                string gone = currentVariants.Keys.Any(k => k.Item1 == variant.Item1)
                    ? $"variant {variant.Variant} is gone from {variant.Item1.Label}"
                    : $"problem {variant.Item1.Label} is gone";
                AddMissing(comparisons, setting, before.Count, before.Count, gone, config);
            }
        }

        return comparisons;
    }

    // Rows per problem × variant, in order of first appearance.
    private static Dictionary<(ProblemKey, string Variant), List<SummaryRow>> ByVariant(IReadOnlyList<SummaryRow> rows)
    {
        var groups = new Dictionary<(ProblemKey, string), List<SummaryRow>>();
        foreach (var row in rows)
        {
            var key = (ProblemKey.From(row), row.Variant);
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups.Add(key, list);
            }

            list.Add(row);
        }

        return groups;
    }

    private static HashSet<string> SettingsOf(List<SummaryRow> rows) =>
        rows.Select(r => RunIds.Setting(r.RunId)).ToHashSet(StringComparer.Ordinal);

    private static SettingComparison Gap(string setting, List<(SummaryRow Before, SummaryRow Now)> pairs, RegressionConfig config)
    {
        double beforeMedian = Median.Of(pairs.Select(p => p.Before.FinalGap));
        double nowMedian = Median.Of(pairs.Select(p => p.Now.FinalGap));
        double beforeWorst = Worst(pairs.Select(p => p.Before.FinalGap));
        double nowWorst = Worst(pairs.Select(p => p.Now.FinalGap));
        int direction = Combine(RegressionComparer.CompareGap(beforeMedian, nowMedian, config), RegressionComparer.CompareGap(beforeWorst, nowWorst, config));
        string ratio = double.IsFinite(beforeMedian) && double.IsFinite(nowMedian) && beforeMedian != 0 ? Ratio(nowMedian / beforeMedian) : NotApplicable;
        string tolerance = Inv($"{config.GapRelTol:R} relative, {config.GapAbsTol:R} absolute");
        return new SettingComparison(setting, "final_gap", Number(beforeMedian), Number(beforeWorst), Number(nowMedian), Number(nowWorst), ratio, tolerance, direction);
    }

    private static SettingComparison Epochs(string setting, List<(SummaryRow Before, SummaryRow Now)> pairs, RegressionConfig config)
    {
        long? beforeMedian = Median.LowerOrNull(pairs.Select(p => (long?)p.Before.EpochsToTarget));
        long? nowMedian = Median.LowerOrNull(pairs.Select(p => (long?)p.Now.EpochsToTarget));
        long? beforeWorst = WorstEpochs(pairs.Select(p => p.Before.EpochsToTarget));
        long? nowWorst = WorstEpochs(pairs.Select(p => p.Now.EpochsToTarget));
        int direction = Combine(CompareEpochs(beforeMedian, nowMedian, config.EpochsTol), CompareEpochs(beforeWorst, nowWorst, config.EpochsTol));
        string ratio = beforeMedian is > 0 && nowMedian is not null ? Ratio((double)nowMedian.Value / beforeMedian.Value) : NotApplicable;
        return new SettingComparison(
            setting, "epochs_to_target", Epochs(beforeMedian), Epochs(beforeWorst), Epochs(nowMedian), Epochs(nowWorst), ratio, Inv($"{config.EpochsTol} epochs"), direction);
    }

    private static SettingComparison Status(string setting, List<(SummaryRow Before, SummaryRow Now)> pairs)
    {
        var before = pairs.Select(p => (long?)RegressionComparer.Severity(p.Before.Status)).ToList();
        var now = pairs.Select(p => (long?)RegressionComparer.Severity(p.Now.Status)).ToList();
        long beforeMedian = Median.LowerOrNull(before)!.Value;
        long nowMedian = Median.LowerOrNull(now)!.Value;
        long beforeWorst = before.Max()!.Value;
        long nowWorst = now.Max()!.Value;
        int direction = Combine(nowMedian.CompareTo(beforeMedian), nowWorst.CompareTo(beforeWorst));
        return new SettingComparison(
            setting, "status", StatusKey(beforeMedian), StatusKey(beforeWorst), StatusKey(nowMedian), StatusKey(nowWorst), NotApplicable, "any change", direction);
    }

    // Runs of the baseline that are really gone (seeds, a variant, a problem): a regression unless allow_missing, which
    // excuses them and says so in an unchanged comparison.
    private static void AddMissing(List<SettingComparison> comparisons, string setting, int baselineSeeds, int missing, string what, RegressionConfig config)
    {
        if (missing == 0)
        {
            return;
        }

        string before = Seeds(baselineSeeds);
        string now = Seeds(baselineSeeds - missing);
        string excuse = config.AllowMissing ? "excused by allow_missing: true" : "allow_missing: false";
        comparisons.Add(new SettingComparison(setting, "runs", before, before, now, now, NotApplicable, config.AllowMissing ? "allow_missing: true" : "allow_missing: false", config.AllowMissing ? 0 : 1)
        {
            Message = Inv($"{missing} of the baseline's {before} have no run now ({what}); {excuse}"),
        });
    }

    // Worse on either measure is a regression; otherwise better on either is an improvement.
    private static int Combine(int median, int worst) => median > 0 || worst > 0 ? 1 : median < 0 || worst < 0 ? -1 : 0;

    /// <summary>+1 when epochs to target got worse beyond <paramref name="tolerance"/> (not reached is worst), -1 when better.</summary>
    internal static int CompareEpochs(long? before, long? now, int tolerance) => (before, now) switch
    {
        (null, null) => 0,
        (_, null) => 1,
        (null, _) => -1,
        var (b, c) => c - b > tolerance ? 1 : b - c > tolerance ? -1 : 0,
    };

    private static double Worst(IEnumerable<double> gaps)
    {
        double worst = double.NegativeInfinity;
        foreach (double gap in gaps)
        {
            if (double.IsNaN(gap))
            {
                return double.NaN;
            }

            worst = Math.Max(worst, gap);
        }

        return worst;
    }

    private static long? WorstEpochs(IEnumerable<int?> epochs)
    {
        long worst = long.MinValue;
        foreach (int? e in epochs)
        {
            if (e is null)
            {
                return null;
            }

            worst = Math.Max(worst, e.Value);
        }

        return worst;
    }

    private static string StatusKey(long severity) =>
        Enum.GetValues<RunStatus>().First(s => RegressionComparer.Severity(s) == severity).ToKey();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Epochs(long? epochs) => epochs?.ToString(CultureInfo.InvariantCulture) ?? RegressionComparer.NotReached;

    private static string Ratio(double ratio) => ratio.ToString("G6", CultureInfo.InvariantCulture);

    private static string Seeds(int count) => count == 1 ? "1 seed" : Inv($"{count} seeds");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
