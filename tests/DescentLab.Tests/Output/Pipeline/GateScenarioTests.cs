using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output.Baselines;
using DescentLab.Output.Ci;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary>The gate at pipeline level (what <c>run</c> and <c>merge</c> publish), one scenario per row: outcome
/// (Success → exit 0, Regression → 3, BadInput → 2), what the log and the report say.</summary>
[NonParallelizable]
public sealed class GateScenarioTests
{
    private static readonly Lazy<RunSet> LazyTiny = new(() => TestRunSets.Run(TestConfigs.Create(
        [TestConfigs.Recipe("beans1", 20)],
        [TestConfigs.Variant("sgd", ("lr", [0.05])), TestConfigs.Variant("batch", ("lr", [0.2]))],
        seeds: [1, 2, 3],
        maxEpochs: 15,
        name: "gate")));

    private static readonly Lazy<RunSet> LazyAdamFast = new(() => AdamAt(0.1));

    private static readonly Lazy<RunSet> LazyAdamSlow = new(() => AdamAt(0.02));

    private TempFolder _temp = null!;

    private static RunSet Tiny => LazyTiny.Value;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [TestCase(true, false, PipelineOutcome.BadInput)]
    [TestCase(false, true, PipelineOutcome.BadInput)]
    [TestCase(false, false, PipelineOutcome.Success)]
    public void MissingBaseline_FailsOnlyWhenAskedTo_AndNamesTheCommandThatCreatesIt(bool configFail, bool flag, PipelineOutcome expected)
    {
        string baseline = _temp.PathOf("baselines", "gate.csv");
        var (published, log) = Publish(Tiny, new RegressionConfig(baseline, Fail: configFail), failOnRegression: flag);

        string command = $"descentlab baseline accept {_temp.PathOf("run")} --to {baseline}";
        Assert.Multiple(() =>
        {
            Assert.That(published.Outcome, Is.EqualTo(expected));
            Assert.That(published.BaselineError is null, Is.EqualTo(expected == PipelineOutcome.Success));
            Assert.That(published.Set.Regression!.NotCompared, Does.EndWith("make this run the baseline with: " + command));
            Assert.That(log.Messages, Has.Some.Contains(command));
            Assert.That(File.Exists(_temp.PathOf("run", "report.md")), Is.True, "the run set is still written");
            Assert.That(File.ReadAllText(_temp.PathOf("run", "report.md")), Does.Contain("does not exist, so nothing was compared"));
        });
    }

    [Test]
    public void UnreadableBaseline_IsBadInputEvenWithoutFail()
    {
        string baseline = _temp.Write("gate.csv", "not,a,summary\n1,2,3\n");

        var (published, _) = Publish(Tiny, new RegressionConfig(baseline));

        Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.BadInput));
        Assert.That(published.BaselineError, Does.StartWith("the baseline cannot be read, so no regression check was made: " + baseline));
        Assert.That(published.BaselineError, Does.EndWith($"replace it with: descentlab baseline accept {_temp.PathOf("run")} --to {baseline}"));
    }

    [Test]
    public void SameRunsAgain_PassesAndSaysNothingAboutTheConfig()
    {
        string baseline = Accept(Tiny);

        var (published, log) = Publish(Tiny, new RegressionConfig(baseline, Fail: true));

        Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.Success));
        Assert.That(published.Set.Regression!.ConfigChange, Is.Null);
        Assert.That(published.Set.Regression.Settings.Select(s => s.Direction), Is.EqualTo(new int[6]), "2 settings × 3 metrics, all unchanged");
        Assert.That(log.Messages.Last(), Is.EqualTo($"gate: 6 runs: 0 converged, 0 regressions, 0 improvements, 0 failed, 0 diverged; report in {_temp.PathOf("run")}"));
    }

    [Test]
    public void ChangedConfig_IsSaidFirstInTheLogAndTheReport()
    {
        string baseline = Accept(Tiny);
        var changed = Worse(Tiny) with { Manifest = Tiny.Manifest with { ConfigHash = new string('f', 64) } };

        var (published, log) = Publish(changed, new RegressionConfig(baseline, Fail: true));

        var messages = log.Messages.ToList();
        int said = messages.FindIndex(m => m.StartsWith("gate: The config differs from the baseline's (baseline config SHA-256 000000000000, now ffffffffffff)", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.Regression));
            Assert.That(said, Is.GreaterThanOrEqualTo(0));
            Assert.That(said, Is.LessThan(messages.FindIndex(m => m.StartsWith("Regression in", StringComparison.Ordinal))));
            Assert.That(File.ReadAllText(_temp.PathOf("run", "report.md")), Does.Contain("## Regression check\n\n**Config changed:** The config differs"));
        });
    }

    [Test]
    public void BaselineCsvWithoutDescription_SaysUnknownConfig()
    {
        string baseline = Accept(Tiny);
        File.Delete(BaselineMeta.PathOf(baseline));

        var (published, log) = Publish(Tiny, new RegressionConfig(baseline, Fail: true));

        Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.Success));
        Assert.That(published.Set.Regression!.ConfigChange, Does.StartWith("The baseline's config is unknown (unknown config"));
        Assert.That(log.Messages, Has.Some.Contains("unknown config"));
    }

    [TestCase(false, true, PipelineOutcome.Regression)]
    [TestCase(true, true, PipelineOutcome.Success)]
    [TestCase(false, false, PipelineOutcome.Success)]
    public void MissingRuns_RegressUnlessAllowed(bool allowMissing, bool fail, PipelineOutcome expected)
    {
        string baseline = Accept(Tiny);
        var fewer = Tiny with { Rows = [.. Tiny.Rows.Where(r => r.Seed != 3)] };

        var (published, log) = Publish(fewer, new RegressionConfig(baseline, Fail: fail, AllowMissing: allowMissing));

        Assert.That(published.Outcome, Is.EqualTo(expected));
        Assert.That(published.Set.Regression!.MissingRuns, Has.Count.EqualTo(2));
        Assert.That(log.Messages.Last(), Does.StartWith($"gate: 4 runs: 0 converged, {(allowMissing ? 0 : 2)} regressions,"));
    }

    [TestCase(false, PipelineOutcome.Regression)]
    [TestCase(true, PipelineOutcome.Success)]
    public void RemovedVariant_IsReallyGone_AllowMissingExcusesItAndSaysSo(bool allowMissing, PipelineOutcome expected)
    {
        string baseline = Accept(Tiny);
        var sgdOnly = Tiny with { Rows = [.. Tiny.Rows.Where(r => r.Variant == "sgd")] };

        var (published, _) = Publish(sgdOnly, new RegressionConfig(baseline, Fail: true, AllowMissing: allowMissing));

        var runs = published.Set.Regression!.Settings.Single(s => s.Metric == "runs");
        Assert.Multiple(() =>
        {
            Assert.That(published.Outcome, Is.EqualTo(expected));
            Assert.That(runs.Describe(), Is.EqualTo("runs: 3 of the baseline's 3 seeds have no run now (variant batch is gone from beans1 n=20, origin, mse); "
                + (allowMissing ? "excused by allow_missing: true" : "allow_missing: false")));
            Assert.That(File.ReadAllText(_temp.PathOf("run", "report.md")).Contains("excused by allow\\_missing: true", StringComparison.Ordinal), Is.EqualTo(allowMissing));
        });
    }

    [Test]
    public void Previous_EmptyHistory_IsTheBaselineForTheNext_ThenTheNextComparesWithIt()
    {
        using var history = HistoryStore.OpenInReportsRoot(_temp.PathOf("reports"));
        var previous = new RegressionConfig(RegressionConfig.Previous, Fail: true);

        var (first, firstLog) = Publish(Tiny, previous, history: history);
        var (second, _) = Publish(Worse(Tiny), previous, history: history, folder: "second");

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(PipelineOutcome.Success));
            Assert.That(first.Set.Regression!.NotCompared, Is.EqualTo("No earlier run set to compare with; this one is the baseline for the next."));
            Assert.That(firstLog.Messages, Has.Some.EqualTo("gate: No earlier run set to compare with; this one is the baseline for the next."));
            Assert.That(File.ReadAllText(_temp.PathOf("run", "report.md")), Does.Contain("No earlier run set to compare with").And.Not.Contain("Add a `regression:` block"));
            Assert.That(second.Outcome, Is.EqualTo(PipelineOutcome.Regression));
            Assert.That(second.Set.Regression!.BaselineSource, Is.EqualTo("previous: " + _temp.PathOf("run")));
            Assert.That(second.Set.Regression.ConfigChange, Is.Null, "history keeps the config hash");
        });
    }

    [Test]
    public void Regression_WithoutFail_PassesButIsCountedInTheLastLine()
    {
        string baseline = Accept(Tiny);

        var (published, log) = Publish(Worse(Tiny), new RegressionConfig(baseline));

        Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.Success));
        Assert.That(log.Messages.Last(), Does.StartWith("gate: 6 runs: 0 converged, 1 regression, 0 improvements, 0 failed, 0 diverged"));
    }

    [Test]
    public void StepSummary_IsAppendedWithTheHeadlineAndTheRegressionTable()
    {
        string baseline = Accept(Tiny);
        string summary = _temp.Write("step-summary.md", "earlier step\n");

        Publish(Worse(Tiny), new RegressionConfig(baseline), ci: new CiOutputs(null, summary));

        string text = File.ReadAllText(summary);
        Assert.That(text, Does.StartWith("earlier step\n## DescentLab gate: 6 runs: 0 converged, 1 regression, 0 improvements, 0 failed, 0 diverged\n"));
        Assert.That(text, Does.Contain("### Regressions (1)\n\n| setting | metric | baseline median | baseline worst | now median | now worst | ratio |"));
        Assert.That(text, Does.Contain("| `beans1-n20_origin_sgd_lr0.05` | final\\_gap |"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ChangedSetting_ConvergingWorse_IsARegressionNamingBothSettings_AllowMissingOrNot(bool allowMissing)
    {
        string baseline = Accept(LazyAdamFast.Value);
        string junit = _temp.PathOf("junit.xml");

        var (published, log) = Publish(LazyAdamSlow.Value, new RegressionConfig(baseline, Fail: true, AllowMissing: allowMissing));
        JunitReport.Write(junit, [("gate", published.Set)]);

        var findings = published.Set.Regression!.SettingRegressions.ToList();
        string xml = File.ReadAllText(junit);
        Assert.Multiple(() =>
        {
            Assert.That(published.Outcome, Is.EqualTo(PipelineOutcome.Regression));
            Assert.That(findings.Select(f => (f.Setting, f.Metric)), Is.EqualTo(new[] { ("beans1-n20_origin_adam_lr0.02", "best_setting") }), "nothing is missing: adam still runs");
            // The setting names may carry the defaults after the lr; the lr and the converged seeds are what changed.
            Assert.That(log.Messages, Has.Some.Match(@"^Regression in beans1-n20_origin_adam_lr0\.02: best_setting: adam: lr=0\.1( [^()]*)? \(3/3 converged\) -> lr=0\.02( [^()]*)? \(0/3 converged\); fewer seeds converge"));
            Assert.That(xml, Does.Match(@"<testcase classname=""gate"" name=""beans1-n20_origin_adam_lr0\.02"">\n\s*<failure type=""regression"" message=""regression in best_setting: adam: lr=0\.1( [^()]*)? \(3/3 converged\) -&gt; lr=0\.02"));
        });
    }

    // The config the lr change is made in: with target_gap 1e-3, adam at lr 0.1 converges within 60 epochs, at 0.02 it does not.
    private static RunSet AdamAt(double lr) => TestRunSets.Run(TestConfigs.Create(
        [TestConfigs.Recipe("beans1", 20)],
        [TestConfigs.Variant("adam", ("lr", [lr])), TestConfigs.Variant("batch", ("lr", [0.2]))],
        seeds: [1, 2, 3],
        maxEpochs: 60,
        targetGap: 1e-3,
        name: "gate"));

    // The sgd setting's median seed got a larger gap.
    private static RunSet Worse(RunSet set) =>
        set with { Rows = [.. set.Rows.Select(r => r.Variant == "sgd" && r.Seed == 2 ? r with { FinalGap = r.FinalGap * 1000 } : r)] };

    private string Accept(RunSet set)
    {
        string runDir = RunFolders.Write(set, _temp.PathOf("accepted"));
        string baseline = _temp.PathOf("baselines", "gate.csv");
        BaselineStore.Accept(runDir, baseline);
        return baseline;
    }

    private (Published Published, CollectingLogger<ExperimentPipeline> Log) Publish(
        RunSet set,
        RegressionConfig regression,
        bool failOnRegression = false,
        HistoryStore? history = null,
        CiOutputs? ci = null,
        string folder = "run")
    {
        var log = new CollectingLogger<ExperimentPipeline>();
        var pipeline = new ExperimentPipeline(new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, log);
        var published = pipeline.Publish(set, RunFolder.CreateExplicit(_temp.PathOf(folder)), history, regression, failOnRegression, ci ?? CiOutputs.None);
        return (published, log);
    }
}
