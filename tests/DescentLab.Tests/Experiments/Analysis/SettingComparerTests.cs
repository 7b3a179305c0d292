using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

/// <summary>The gate's decision per problem × variant setting across seeds: medians and worst seeds, each tolerance edge,
/// missing runs with and without allow_missing.</summary>
public sealed class SettingComparerTests
{
    private const string Setting = "beans1-n20_origin_sgd_lr0.1";
    private static readonly RegressionConfig Defaults = new("baselines/nightly.csv");

    [TestCase("beans1-n40_origin_sgd_lr0.05_s12", "beans1-n40_origin_sgd_lr0.05")]
    [TestCase("beans1-n40_origin_minibatch_lr0.1_b7_shuffle_s1", "beans1-n40_origin_minibatch_lr0.1_b7_shuffle")]
    [TestCase("my_set", "my_set")]
    [TestCase("a_sb", "a_sb")]
    [TestCase("a_s", "a_s")]
    public void Setting_RunId_DropsOnlyTheSeedSuffix(string runId, string expected)
    {
        Assert.That(RunIds.Setting(runId), Is.EqualTo(expected));
    }

    // Baseline gaps 1, 2, 10 (median 2, worst 10). A seed that gets worse without moving the median or the worst is a
    // per-seed finding only; a worse median or a worse worst seed is a regression of the setting.
    [TestCase(new[] { 1.5, 2.0, 10.0 }, 0, "2", "10")]
    [TestCase(new[] { 1.0, 3.0, 10.0 }, 1, "3", "10")]
    [TestCase(new[] { 1.0, 2.0, 11.0 }, 1, "2", "11")]
    [TestCase(new[] { 0.5, 1.0, 9.0 }, -1, "1", "9")]
    [TestCase(new[] { 0.5, 1.0, 11.0 }, 1, "1", "11")]
    public void Gap_MedianAndWorstSeed_DecideTheSetting(double[] now, int expected, string median, string worst)
    {
        var report = Compare(Gaps(1.0, 2.0, 10.0), Gaps(now), Defaults);
        var gap = Single(report, "final_gap");

        Assert.Multiple(() =>
        {
            Assert.That(gap.Direction, Is.EqualTo(expected));
            Assert.That((gap.BaselineMedian, gap.BaselineWorst), Is.EqualTo(("2", "10")));
            Assert.That((gap.CurrentMedian, gap.CurrentWorst), Is.EqualTo((median, worst)));
            Assert.That(report.HasRegressions, Is.EqualTo(expected > 0));
        });
    }

    [Test]
    public void Gap_OneSeedWorseButNotTheMedianOrWorst_IsKeptAsAPerSeedRow()
    {
        var report = Compare(Gaps(1.0, 2.0, 10.0), Gaps(1.5, 2.0, 10.0), Defaults);

        Assert.That(report.HasRegressions, Is.False);
        Assert.That(report.Regressions.Select(f => f.RunId), Is.EqualTo(new[] { Setting + "_s1" }));
    }

    [Test]
    public void Gap_EvenSeedCount_MedianIsTheMidpointAndRatioIsOfMedians()
    {
        var gap = Single(Compare(Gaps(1.0, 3.0), Gaps(2.0, 4.0), Defaults), "final_gap");

        Assert.That((gap.BaselineMedian, gap.CurrentMedian, gap.Ratio, gap.Direction), Is.EqualTo(("2", "3", "1.5", 1)));
    }

    // Exactly representable: baseline 1 on every seed, gap_rel_tol 0.25, so 1.25 sits on the tolerance and is accepted.
    [TestCase(1.25, 0)]
    [TestCase(1.2500000000000002, 1)]
    [TestCase(0.75, 0)]
    [TestCase(0.7499999999999999, -1)]
    public void Gap_OnTheRelativeTolerance_IsNotAChange(double now, int expected)
    {
        var report = Compare(Gaps(1, 1, 1), Gaps(now, now, now), Defaults with { GapRelTol = 0.25 });

        Assert.That(Single(report, "final_gap").Direction, Is.EqualTo(expected));
    }

    // Baseline gap 0 (a run at its optimum): only the absolute floor applies; 2^-40 ≈ 9.09e-13 is within the default 1e-12.
    [TestCase(9.094947017729282E-13, 0)]
    [TestCase(1.1e-12, 1)]
    public void Gap_NearZero_TheDefaultAbsoluteFloorDecides(double now, int expected)
    {
        Assert.That(Single(Compare(Gaps(0, 0, 0), Gaps(now, now, now), Defaults), "final_gap").Direction, Is.EqualTo(expected));
    }

    // The defaults let a rounding-level code change pass (a relative change of 1e-13, hundreds of ulps) and catch a real
    // one (1e-6 relative); identical numbers never differ.
    [TestCase(1e-13, 0)]
    [TestCase(1e-6, 1)]
    [TestCase(0.0, 0)]
    public void Gap_DefaultTolerances_PassRoundingAndCatchRealChanges(double relativeChange, int expected)
    {
        double[] baseline = [1e-3, 2.5e-3, 7e-3];
        double[] now = [.. baseline.Select(g => g * (1 + relativeChange))];

        Assert.That(Single(Compare(Gaps(baseline), Gaps(now), Defaults), "final_gap").Direction, Is.EqualTo(expected));
    }

    // epochs_tol 2, baseline 10 epochs on every seed.
    [TestCase(12, 0)]
    [TestCase(13, 1)]
    [TestCase(8, 0)]
    [TestCase(7, -1)]
    public void Epochs_OnTheTolerance_IsNotAChange(int now, int expected)
    {
        var report = Compare(Epochs(10, 10, 10), Epochs(now, now, now), Defaults with { EpochsTol = 2 });

        Assert.That(Single(report, "epochs_to_target").Direction, Is.EqualTo(expected));
    }

    [Test]
    public void Epochs_WorstSeedNoLongerReached_IsARegressionEvenWhenTheMedianHolds()
    {
        var epochs = Single(Compare(Epochs(10, 10, 10), Epochs(10, 10, null), Defaults), "epochs_to_target");

        Assert.That((epochs.BaselineWorst, epochs.CurrentMedian, epochs.CurrentWorst, epochs.Direction), Is.EqualTo(("10", "10", "not reached", 1)));
    }

    [Test]
    public void Status_OneSeedDiverges_TheWorstSeedRegresses()
    {
        var baseline = Rows(Enumerable.Repeat(RunStatus.Converged, 3));
        var now = Rows([RunStatus.Converged, RunStatus.Diverged, RunStatus.Converged]);

        var status = Single(RegressionComparer.Compare(baseline, now, Defaults, "b"), "status");

        Assert.That((status.BaselineWorst, status.CurrentMedian, status.CurrentWorst, status.Direction), Is.EqualTo(("converged", "converged", "diverged", 1)));
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public void Missing_SeedsOfTheBaseline_RegressUnlessAllowed(bool allowMissing, bool regresses)
    {
        var report = Compare(Gaps(1, 2, 3), Gaps(1, 2), Defaults with { AllowMissing = allowMissing });

        Assert.Multiple(() =>
        {
            Assert.That(report.HasRegressions, Is.EqualTo(regresses));
            Assert.That(report.MissingRuns, Is.EqualTo(new[] { Setting + "_s3" }));
            Assert.That(report.Settings.Where(s => s.Metric == "runs").Select(s => (s.BaselineMedian, s.CurrentMedian, s.Direction, s.Describe())),
                Is.EqualTo(new[] { ("3 seeds", "2 seeds", regresses ? 1 : 0, "runs: 1 of the baseline's 3 seeds have no run now (seeds gone); "
                    + (regresses ? "allow_missing: false" : "excused by allow_missing: true")) }), "an excuse is said, not silent");
            Assert.That(Single(report, "final_gap").Direction, Is.Zero, "the missing seed does not enter the medians");
        });
    }

    [Test]
    public void Missing_AWholeVariant_IsARegressionWithNoSeedsNow_NamingWhatIsGone()
    {
        var other = Gaps(1).Select(r => r with { RunId = "beans1-n20_origin_batch_lr0.2_s1", Variant = "batch", Lr = 0.2 }).ToList();

        var report = RegressionComparer.Compare([.. Gaps(1, 2), .. other], Gaps(1, 2), Defaults, "b");

        var runs = report.Settings.Single(s => s.Metric == "runs");
        Assert.That((runs.Setting, runs.BaselineMedian, runs.CurrentMedian, runs.Direction), Is.EqualTo(("beans1-n20_origin_batch_lr0.2", "1 seed", "0 seeds", 1)));
        Assert.That(runs.Describe(), Is.EqualTo("runs: 1 of the baseline's 1 seed have no run now (variant batch is gone from beans1 n=20, origin, mse); allow_missing: false"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ChangedSetting_WorseBest_IsJudged_NeverMissing_EvenWithAllowMissing(bool allowMissing)
    {
        // sgd's lr 0.1 (gaps 1e-9) is replaced by lr 0.01 (gaps 1e-3) on the same seeds.
        var changed = Gaps(1e-3, 1e-3).Select(r => r with { RunId = r.RunId.Replace("lr0.1", "lr0.01", StringComparison.Ordinal), Lr = 0.01 }).ToList();

        var report = RegressionComparer.Compare(Gaps(1e-9, 1e-9), changed, Defaults with { AllowMissing = allowMissing }, "b");

        var best = report.Settings.Single();
        Assert.That((best.Setting, best.Metric, best.Direction), Is.EqualTo(("beans1-n20_origin_sgd_lr0.01", "best_setting", 1)));
        Assert.That(best.Describe(), Is.EqualTo("best_setting: sgd: lr=0.1 (2/2 converged) -> lr=0.01 (2/2 converged); final gap 1e-9 -> 0.001 (on the 2 seeds both ran)"));
    }

    [Test]
    public void New_VariantOnlyNow_IsListedNotCompared()
    {
        var added = Gaps(1).Select(r => r with { RunId = "beans1-n20_origin_adam_lr0.05_s1", Variant = "adam", Lr = 0.05 }).ToList();

        var report = RegressionComparer.Compare(Gaps(1), [.. Gaps(1), .. added], Defaults, "b");

        Assert.That(report.NewRuns, Is.EqualTo(new[] { "beans1-n20_origin_adam_lr0.05_s1" }));
        Assert.That(report.Settings.Select(s => s.Setting).Distinct(), Is.EqualTo(new[] { Setting }));
        Assert.That(report.HasRegressions, Is.False);
    }

    private static RegressionReport Compare(IReadOnlyList<SummaryRow> baseline, IReadOnlyList<SummaryRow> now, RegressionConfig config) =>
        RegressionComparer.Compare(baseline, now, config, "baselines/nightly.csv");

    private static SettingComparison Single(RegressionReport report, string metric) => report.Settings.Single(s => s.Metric == metric);

    private static List<SummaryRow> Gaps(params double[] gaps) =>
        [.. gaps.Select((g, i) => Row(i) with { FinalGap = g })];

    private static List<SummaryRow> Epochs(params int?[] epochs) =>
        [.. epochs.Select((e, i) => Row(i) with { EpochsToTarget = e })];

    private static List<SummaryRow> Rows(IEnumerable<RunStatus> statuses) =>
        [.. statuses.Select((s, i) => Row(i) with { Status = s })];

    private static SummaryRow Row(int index) =>
        AwkwardRuns.Origin($"{Setting}_s{index + 1}") with { Seed = (ulong)index + 1, FinalGap = 1, EpochsToTarget = 10 };
}
