using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Compares a run set's summary with a baseline summary (<c>regression</c>): per setting across seeds
/// (<see cref="SettingComparer"/>, which decides the gate) and run by run (kept in regression.csv).</summary>
/// <remarks>
/// Rows are matched by run_id. Per matched run, three metrics, each its own finding:
/// <list type="bullet">
/// <item><c>final_gap</c> regresses when <c>current &gt; baseline + max(gap_rel_tol·|baseline|, gap_abs_tol)</c> and improves in the
/// mirror case; a gap that becomes NaN (or infinite) regresses, one that stops being NaN (or infinite) improves.</item>
/// <item><c>epochs_to_target</c> regresses when it grows by more than <c>epochs_tol</c> or the target is no longer reached,
/// and improves when it shrinks by more than <c>epochs_tol</c> or the target is newly reached.</item>
/// <item><c>status</c> regresses when it moves right in converged &lt; lost_target &lt; not_converged &lt; diverged &lt; failed (so diverged → failed
/// is a regression: a run that could not be carried out says less than one that diverged) and improves when it moves left.</item>
/// </list>
/// Findings follow the current rows' order, then the metric order above; new runs follow the current order and missing runs
/// the baseline order.
/// </remarks>
public static class RegressionComparer
{
    /// <summary>The text of an epochs_to_target that was not reached.</summary>
    public const string NotReached = "not reached";

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>.</summary>
    /// <param name="baseline">Baseline rows (a baseline summary.csv or a previous run set).</param>
    /// <param name="current">This run set's rows, in plan order.</param>
    /// <param name="config">Tolerances.</param>
    /// <param name="baselineSource">Where the baseline came from, for the report.</param>
    /// <exception cref="ArgumentException">A run_id appears twice in one of the lists.</exception>
    public static RegressionReport Compare(IReadOnlyList<SummaryRow> baseline, IReadOnlyList<SummaryRow> current, RegressionConfig config, string baselineSource)
    {
        // A tuned set is gated on its evaluation runs: the trials only chose them.
        baseline = [.. baseline.Where(r => r.Phase != TrialPhase.Tune)];
        current = [.. current.Where(r => r.Phase != TrialPhase.Tune)];
        var baselineById = Index(baseline, nameof(baseline));
        var currentById = Index(current, nameof(current));
        var regressions = new List<RegressionFinding>();
        var improvements = new List<RegressionFinding>();
        var newRuns = new List<string>();
        int unchanged = 0;
        foreach (var now in current)
        {
            if (!baselineById.TryGetValue(now.RunId, out var before))
            {
                newRuns.Add(now.RunId);
                continue;
            }

            int found = regressions.Count + improvements.Count;
            AddGap(before, now, config, regressions, improvements);
            AddEpochs(before, now, config, regressions, improvements);
            AddStatus(before, now, regressions, improvements);
            if (regressions.Count + improvements.Count == found)
            {
                unchanged++;
            }
        }

        var missingRuns = new List<string>();
        foreach (var before in baseline)
        {
            if (!currentById.ContainsKey(before.RunId))
            {
                missingRuns.Add(before.RunId);
            }
        }

        return new RegressionReport(baselineSource, regressions, improvements, newRuns, missingRuns, unchanged)
        {
            Settings = SettingComparer.Compare(baseline, current, config),
        };
    }

    /// <summary>Severity rank of a status: converged 0, lost_target 1 (it reached the target at least), not_converged 2,
    /// diverged 3, failed 4.</summary>
    public static int Severity(RunStatus status) => status switch
    {
        RunStatus.Converged => 0,
        RunStatus.LostTarget => 1,
        RunStatus.NotConverged => 2,
        RunStatus.Diverged => 3,
        RunStatus.Failed => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>+1 when the gap got worse beyond tolerance, -1 when it got better beyond tolerance, 0 otherwise.</summary>
    public static int CompareGap(double baseline, double current, RegressionConfig config)
    {
        // NaN ranks worst of all; infinite gaps compare by order alone, since no tolerance bridges them.
        if (double.IsNaN(baseline) || double.IsNaN(current))
        {
            return double.IsNaN(current).CompareTo(double.IsNaN(baseline));
        }

        if (baseline == current)
        {
            return 0;
        }

        if (double.IsInfinity(baseline) || double.IsInfinity(current))
        {
            return current > baseline ? 1 : -1;
        }

        double tolerance = Math.Max(config.GapRelTol * Math.Abs(baseline), config.GapAbsTol);
        return current > baseline + tolerance ? 1 : current < baseline - tolerance ? -1 : 0;
    }

    private static void AddGap(SummaryRow before, SummaryRow now, RegressionConfig config, List<RegressionFinding> regressions, List<RegressionFinding> improvements)
    {
        int direction = CompareGap(before.FinalGap, now.FinalGap, config);
        if (direction != 0)
        {
            var finding = new RegressionFinding(now.RunId, "final_gap", Format(before.FinalGap), Format(now.FinalGap), GapChange(before.FinalGap, now.FinalGap));
            (direction > 0 ? regressions : improvements).Add(finding);
        }
    }

    private static void AddEpochs(SummaryRow before, SummaryRow now, RegressionConfig config, List<RegressionFinding> regressions, List<RegressionFinding> improvements)
    {
        int? b = before.EpochsToTarget;
        int? c = now.EpochsToTarget;
        int direction;
        string change;
        if (b is null && c is null)
        {
            return;
        }
        else if (c is null)
        {
            (direction, change) = (1, "no longer reached");
        }
        else if (b is null)
        {
            (direction, change) = (-1, "now reached");
        }
        else
        {
            long difference = (long)c.Value - b.Value;
            direction = difference > config.EpochsTol ? 1 : -difference > config.EpochsTol ? -1 : 0;
            change = Signed(difference);
        }

        if (direction != 0)
        {
            var finding = new RegressionFinding(now.RunId, "epochs_to_target", EpochsText(b), EpochsText(c), change);
            (direction > 0 ? regressions : improvements).Add(finding);
        }
    }

    private static void AddStatus(SummaryRow before, SummaryRow now, List<RegressionFinding> regressions, List<RegressionFinding> improvements)
    {
        int direction = Severity(now.Status).CompareTo(Severity(before.Status));
        if (direction != 0)
        {
            string b = before.Status.ToKey();
            string c = now.Status.ToKey();
            (direction > 0 ? regressions : improvements).Add(new RegressionFinding(now.RunId, "status", b, c, $"{b} -> {c}"));
        }
    }

    private static string GapChange(double baseline, double current)
    {
        if (!double.IsFinite(baseline) || !double.IsFinite(current))
        {
            return "n/a";
        }

        if (baseline == 0)
        {
            return Signed(current - baseline) + " (absolute)";
        }

        return Signed((current - baseline) / Math.Abs(baseline) * 100) + " %";
    }

    // Three significant digits ("+12.5", "-0.05", "+1E-07"), but whole numbers from 1000 to a million ("+1861"), which read
    // better than "+1.86E+03".
    private static string Signed(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude >= 1000 && magnitude < 1e6 ? "F0" : "G3";
        return (value >= 0 ? "+" : string.Empty) + value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Signed(long value) =>
        (value >= 0 ? "+" : string.Empty) + value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string EpochsText(int? epochs) => epochs?.ToString(CultureInfo.InvariantCulture) ?? NotReached;

    private static Dictionary<string, SummaryRow> Index(IReadOnlyList<SummaryRow> rows, string name)
    {
        var byId = new Dictionary<string, SummaryRow>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byId.TryAdd(row.RunId, row))
            {
                throw new ArgumentException($"run_id '{row.RunId}' appears twice.", name);
            }
        }

        return byId;
    }
}
