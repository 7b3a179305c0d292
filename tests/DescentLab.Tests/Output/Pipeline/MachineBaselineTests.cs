using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Host.Commands;
using DescentLab.Output.Ci;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary><c>baseline: previous</c> across machines: by default this machine's last night, <c>machine: NAME</c> that
/// machine's; the gate, the report and <c>compare</c> say when the baseline ran on another machine.</summary>
[NonParallelizable]
public sealed class MachineBaselineTests
{
    private const string OtherMachine = "The baseline ran on machine ci-a, this run set on ci-b, so differences may come from the machine as well as the code.";

    private static readonly Lazy<RunSet> LazyTiny = new(() => TestRunSets.Run(TestConfigs.Create(
        [TestConfigs.Recipe("beans1", 20)],
        [TestConfigs.Variant("sgd", ("lr", [0.05]))],
        seeds: [1, 2],
        maxEpochs: 10,
        name: "gate")));

    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Previous_OfTheNamedMachine_IsItsLastNight_AndTheReportSaysItRanElsewhere()
    {
        using var history = HistoryStore.OpenInReportsRoot(_temp.PathOf("reports"));
        Publish(On("ci-a"), new RegressionConfig(RegressionConfig.Previous), history, "night-a");

        var own = Publish(On("ci-b"), new RegressionConfig(RegressionConfig.Previous), history, "night-b1");
        var named = Publish(On("ci-b"), new RegressionConfig(RegressionConfig.Previous) { Machine = "ci-a" }, history, "night-b2");

        Assert.Multiple(() =>
        {
            Assert.That(own.Set.Regression!.NotCompared, Is.EqualTo("No earlier run set to compare with; this one is the baseline for the next."), "ci-b has no night of its own yet");
            Assert.That(named.Set.Regression!.BaselineSource, Is.EqualTo("previous: " + _temp.PathOf("night-a")));
            Assert.That(named.Set.Regression.MachineChange, Is.EqualTo(OtherMachine));
            Assert.That(File.ReadAllText(_temp.PathOf("night-b2", "report.md")), Does.Contain("**Other machine:** " + OtherMachine));
            Assert.That(File.ReadAllText(_temp.PathOf("night-b2", "report.md")), Does.Match(@"\|\s*machine\s*\|\s*ci-b\s*\|"), "the environment table names the machine");
        });
    }

    [Test]
    public void Previous_OfAMachineWithNoNight_ComparesNothingAndSaysWhy()
    {
        using var history = HistoryStore.OpenInReportsRoot(_temp.PathOf("reports"));

        var published = Publish(On("ci-b"), new RegressionConfig(RegressionConfig.Previous) { Machine = "ci-z" }, history, "night");

        Assert.That(published.Set.Regression!.NotCompared, Is.EqualTo("No earlier run set of machine ci-z to compare with, so nothing was compared."));
    }

    [Test]
    public void Previous_AcrossAllMachines_WhenHistorySpansThem_TakesTheLatestOfAny()
    {
        using var history = new HistoryStore(HistoryLocation.InReportsRoot(_temp.PathOf("reports"))) { AllMachines = true };
        Publish(On("ci-a"), new RegressionConfig(RegressionConfig.Previous), history, "night-a");

        var published = Publish(On("ci-b"), new RegressionConfig(RegressionConfig.Previous), history, "night-b");

        Assert.That(published.Set.Regression!.MachineChange, Is.EqualTo(OtherMachine));
        Assert.That(published.Set.Trend.Select(p => p.Machine).Distinct(), Is.EqualTo(new[] { "ci-a", "ci-b" }));
    }

    [Test]
    public void Compare_FoldersOfTwoMachines_SaysSo()
    {
        string before = RunFolders.Write(On("ci-a"), _temp.PathOf("a"));
        string after = RunFolders.Write(On("ci-b"), _temp.PathOf("b"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exit = CompareCommand.Execute(before, after, failOnRegression: false, junitPath: null, new CliOutput(output, error));

        Assert.That(exit, Is.Zero, error.ToString());
        Assert.That(output.ToString().Split('\n')[1], Is.EqualTo(OtherMachine));
    }

    private static RunSet On(string machine)
    {
        var set = LazyTiny.Value;
        return set with { Manifest = set.Manifest with { Machine = set.Manifest.Machine with { Name = machine } } };
    }

    private Published Publish(RunSet set, RegressionConfig regression, HistoryStore history, string folder)
    {
        var pipeline = new ExperimentPipeline(new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, NullLogger<ExperimentPipeline>.Instance);
        return pipeline.Publish(set, RunFolder.CreateExplicit(_temp.PathOf(folder)), history, regression, failOnRegression: false, CiOutputs.None);
    }
}
