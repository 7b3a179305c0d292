using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Baselines;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

/// <summary>The scenario with real training: a baseline accepted from a 20-epoch run, then a change that cuts the
/// run to 10 epochs. The run ids match, the gaps grow, and the check must say so.</summary>
public sealed class RegressionScenarioTests
{
    private static readonly ulong[] Seeds = [1, 2];

    [Test]
    public void Compare_FewerEpochsThanTheAcceptedBaseline_IsARegressionOnEveryRun()
    {
        using var folder = new TempFolder();
        string baselinePath = AcceptBaseline(folder, maxEpochs: 20);
        var current = Train(maxEpochs: 10);

        var report = RegressionComparer.Compare(BaselineStore.Load(baselinePath), current, new RegressionConfig(baselinePath, Fail: true), baselinePath);

        Assert.That(report.HasRegressions, Is.True);
        Assert.That(report.Regressions.Where(f => f.Metric == "final_gap").Select(f => f.RunId), Is.EqualTo(current.Select(r => r.RunId)));
        Assert.That(report.Regressions.Where(f => f.Metric == "final_gap").Select(f => f.Change), Has.All.StartWith("+"));
        Assert.That(report.Improvements, Is.Empty);
        Assert.That(report.NewRuns, Is.Empty);
        Assert.That(report.MissingRuns, Is.Empty);
    }

    [Test]
    public void Compare_TheSameRunAgain_HasNoRegression()
    {
        using var folder = new TempFolder();
        string baselinePath = AcceptBaseline(folder, maxEpochs: 20);

        var report = RegressionComparer.Compare(BaselineStore.Load(baselinePath), Train(maxEpochs: 20), new RegressionConfig(baselinePath), baselinePath);

        Assert.That(report.HasRegressions, Is.False);
        Assert.That(report.Improvements, Is.Empty);
        Assert.That(report.Unchanged, Is.EqualTo(Seeds.Length));
    }

    [Test]
    public void Compare_MoreEpochsThanTheBaseline_IsAnImprovement()
    {
        using var folder = new TempFolder();
        string baselinePath = AcceptBaseline(folder, maxEpochs: 10);

        var report = RegressionComparer.Compare(BaselineStore.Load(baselinePath), Train(maxEpochs: 20), new RegressionConfig(baselinePath), baselinePath);

        Assert.That(report.HasRegressions, Is.False);
        Assert.That(report.Improvements.Where(f => f.Metric == "final_gap").Select(f => f.Change).ToList(), Has.Count.EqualTo(Seeds.Length).And.All.StartWith("-"));
    }

    private static IReadOnlyList<SummaryRow> Train(int maxEpochs) => TestRunSets.Run(Config(maxEpochs)).Rows;

    private static ExperimentConfig Config(int maxEpochs) => TestConfigs.Create(
        [TestConfigs.Recipe("beans1", 20)], [TestConfigs.Variant("sgd", ("lr", [0.01]))], seeds: Seeds, maxEpochs: maxEpochs, targetGap: 1e-2);

    private static string AcceptBaseline(TempFolder folder, int maxEpochs)
    {
        string runDir = RunFolders.Write(TestRunSets.Run(Config(maxEpochs)), folder.PathOf("run"));
        string baselinePath = folder.PathOf("baselines", "nightly.csv");
        BaselineStore.Accept(runDir, baselinePath);
        return baselinePath;
    }
}
