using DescentLab.Experiments;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Host.Commands;
using DescentLab.Output;
using DescentLab.Output.Ci;
using DescentLab.Output.Exporters;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Json;
using DescentLab.Output.Pipeline;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary><see cref="ExperimentPipeline.Publish"/> step by step (compare, record, export, complete, move latest, CI
/// outputs): each step that fails says so, the steps it does not block still run, nothing claims the set complete
/// before it is, and the exit code says what happened.</summary>
[NonParallelizable]
public sealed class PublishStepTests
{
    private const string Name = "steps";
    private static readonly DateTimeOffset Started = new(2026, 12, 5, 6, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RunSet> LazyTiny = new(() => TestRunSets.Run(TestConfigs.Create(
        [TestConfigs.Recipe("beans1", 20)],
        [TestConfigs.Variant("sgd", ("lr", [0.05])), TestConfigs.Variant("batch", ("lr", [0.2]))],
        seeds: [1, 2],
        maxEpochs: 10,
        name: Name)));

    /// <summary>The default exporters without the report, whose images these tests do not need.</summary>
    private static readonly IReadOnlyList<IExporter> WithoutReport = [.. DefaultExporters.All.Where(e => e is not ReportExporter)];

    private TempFolder _temp = null!;

    private static RunSet Tiny => LazyTiny.Value;

    private string Root => _temp.PathOf("reports");

    private string Latest => _temp.PathOf("reports", Name, "latest");

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void Export_OneExporterThrows_TheOthersWrite_FailureIsANote_ExitOne_NothingClaimsComplete()
    {
        IReadOnlyList<IExporter> exporters = [.. DefaultExporters.All.Take(3), new ThrowingExporter(), .. DefaultExporters.All.Skip(3)];
        using var history = HistoryStore.OpenInReportsRoot(Root);
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);

        var published = Pipeline(exporters).Publish(Tiny, folder, history, null, false, CiOutputs.None);

        const string Error = "exporter 'throwing' failed: disk on fire";
        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Is.EqualTo(new[] { Error }));
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(1));
            Assert.That(File.Exists(folder.PathOf(SummaryExporter.FileName)), Is.True, "an exporter before the failing one wrote");
            Assert.That(File.ReadAllText(folder.PathOf(ReportRenderer.MarkdownFile)), Does.Contain(Error), "an exporter after it wrote, with the note");
            Assert.That(published.Set.Manifest.Notes, Does.Contain(Error));
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.False, "the manifest would call the set complete");
            Assert.That(File.ReadAllText(folder.PathOf(RunFolder.IncompleteMarker)), Does.Contain(Error).And.Contain("descentlab run --resume " + folder.FullPath));
            Assert.That(history.LatestComplete(Name, null), Is.Null, "history keeps the row pending");
            Assert.That(Path.Exists(Latest), Is.False, "latest does not move");
        });
    }

    [Test]
    public void Export_ExporterRegisteredThroughServices_RunsWithTheDefaults_BeforeTheManifest()
    {
        var exporter = new ThrowingExporter();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDescentLabExperiments()
            .AddDescentLabOutput()
            .AddSingleton<IExporter>(exporter)
            .BuildServiceProvider();
        var folder = RunFolder.CreateExplicit(_temp.PathOf("run"));

        var published = services.GetRequiredService<ExperimentPipeline>().Publish(Tiny, folder, null, null, false, CiOutputs.None);

        Assert.Multiple(() =>
        {
            Assert.That(exporter.Calls, Is.EqualTo(1));
            Assert.That(published.Errors, Is.EqualTo(new[] { "exporter 'throwing' failed: disk on fire" }));
            Assert.That(File.Exists(folder.PathOf(SummaryExporter.FileName)), Is.True);
            Assert.That(File.Exists(folder.PathOf(ReportRenderer.MarkdownFile)), Is.True);
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.False, "registered after it, the manifest still comes last");
        });
    }

    [Test]
    public void Compare_UnreadableBaseline_EveryOtherStepRuns_ExitTwo()
    {
        string baseline = _temp.Write("baseline.csv", "not,a,summary\n1,2,3\n");
        using var history = HistoryStore.OpenInReportsRoot(Root);
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);

        var published = Pipeline(WithoutReport).Publish(Tiny, folder, history, new RegressionConfig(baseline), false, CiOutputs.None);

        Assert.Multiple(() =>
        {
            Assert.That(published.BaselineError, Does.StartWith("the baseline cannot be read, so no regression check was made: "));
            Assert.That(published.Errors, Is.Empty);
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(2));
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.True);
            Assert.That(folder.IsIncomplete, Is.False);
            Assert.That(history.LatestComplete(Name, null), Is.Not.Null);
            Assert.That(new FileInfo(Latest).LinkTarget, Is.EqualTo(Path.GetFileName(folder.FullPath)));
        });
    }

    [Test]
    public void Record_HistoryFails_FilesAndNoteWritten_ManifestWithheld_Incomplete_ExitOne()
    {
        var history = HistoryStore.OpenInReportsRoot(Root);
        history.Dispose();
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);

        var published = Pipeline(DefaultExporters.All).Publish(Tiny, folder, history, null, false, CiOutputs.None);

        string prefix = $"recording the run set in {history.DatabasePath} failed: ";
        using var reopened = HistoryStore.OpenInReportsRoot(Root);
        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Has.Count.EqualTo(1));
            Assert.That(published.Errors[0], Does.StartWith(prefix));
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(1));
            Assert.That(File.Exists(folder.PathOf(SummaryExporter.FileName)), Is.True);
            Assert.That(File.ReadAllText(folder.PathOf(ReportRenderer.MarkdownFile)), Does.Contain(prefix));
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.False);
            Assert.That(File.ReadAllText(folder.PathOf(RunFolder.IncompleteMarker)), Does.Contain(prefix));
            Assert.That(reopened.LatestComplete(Name, null), Is.Null);
            Assert.That(Path.Exists(Latest), Is.False);
        });
    }

    [Test]
    public void Complete_MarkCannotBeCleared_StaysIncomplete_LatestNotMoved_ExitOne()
    {
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);
        string mark = folder.PathOf(RunFolder.IncompleteMarker);
        File.Delete(mark);
        Directory.CreateDirectory(mark);
        File.WriteAllText(Path.Combine(mark, "held"), "a folder where the mark should be cannot be deleted as a file");

        var published = Pipeline(WithoutReport).Publish(Tiny, folder, null, null, false, CiOutputs.None);

        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Has.Count.EqualTo(1));
            Assert.That(published.Errors[0], Does.StartWith("marking the run set complete failed: "));
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(1));
            Assert.That(File.Exists(folder.PathOf(SummaryExporter.FileName)), Is.True);
            Assert.That(Path.Exists(mark), Is.True, "still marked incomplete");
            Assert.That(Path.Exists(Latest), Is.False);
        });
    }

    [Test]
    public void Latest_CannotMove_SetIsCompleteAndRecorded_ErrorSaysSo_ExitOne()
    {
        using var history = HistoryStore.OpenInReportsRoot(Root);
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);
        Directory.CreateDirectory(Path.Combine(Latest, "someone's files"));

        var published = Pipeline(WithoutReport).Publish(Tiny, folder, history, null, false, CiOutputs.None);

        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Has.Count.EqualTo(1));
            Assert.That(published.Errors[0], Does.StartWith("moving latest failed: "));
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(1));
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.True);
            Assert.That(folder.IsIncomplete, Is.False);
            Assert.That(history.LatestComplete(Name, null), Is.Not.Null);
            Assert.That(Directory.Exists(Path.Combine(Latest, "someone's files")), Is.True, "the folder in the way is left alone");
        });
    }

    [Test]
    public void Ci_StepSummaryCannotBeWritten_SetIsComplete_LatestMoved_ExitOne()
    {
        using var history = HistoryStore.OpenInReportsRoot(Root);
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);
        string summary = Directory.CreateDirectory(_temp.PathOf("summary-is-a-folder")).FullName;

        var published = Pipeline(WithoutReport).Publish(Tiny, folder, history, null, false, new CiOutputs(null, summary));

        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Has.Count.EqualTo(1));
            Assert.That(published.Errors[0], Does.StartWith($"appending the CI step summary to {summary} failed: "));
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(1));
            Assert.That(folder.IsIncomplete, Is.False);
            Assert.That(history.LatestComplete(Name, null), Is.Not.Null);
            Assert.That(new FileInfo(Latest).LinkTarget, Is.EqualTo(Path.GetFileName(folder.FullPath)));
        });
    }

    [Test]
    public void Publish_EveryStepSucceeds_CompleteRecordedLatestMoved_ExitZero()
    {
        using var history = HistoryStore.OpenInReportsRoot(Root);
        var folder = RunFolder.CreateUnderReports(Root, Name, Started);
        string summary = _temp.PathOf("step-summary.md");

        var published = Pipeline(WithoutReport).Publish(Tiny, folder, history, null, false, new CiOutputs(null, summary));

        Assert.Multiple(() =>
        {
            Assert.That(published.Errors, Is.Empty);
            Assert.That(ExitCodes.Of(published.Outcome), Is.EqualTo(0));
            Assert.That(File.Exists(folder.PathOf(ManifestJson.FileName)), Is.True);
            Assert.That(folder.IsIncomplete, Is.False);
            Assert.That(history.LatestComplete(Name, null), Is.Not.Null);
            Assert.That(new FileInfo(Latest).LinkTarget, Is.EqualTo(Path.GetFileName(folder.FullPath)));
            Assert.That(File.ReadAllText(summary), Does.Contain(Name));
        });
    }

    [Test]
    public void Constructor_NoExporters_Refused()
    {
        Assert.That(
            () => Pipeline([]),
            Throws.ArgumentException.With.Message.StartsWith("A pipeline needs at least one exporter, or a run set would write nothing."));
    }

    private static ExperimentPipeline Pipeline(IReadOnlyList<IExporter> exporters) =>
        new(new ExperimentRunner(NullLogger<ExperimentRunner>.Instance), TimeProvider.System, NullLogger<ExperimentPipeline>.Instance, exporters);

    /// <summary>An exporter that fails as a full disk would.</summary>
    private sealed class ThrowingExporter : IExporter
    {
        public int Calls { get; private set; }

        public string Name => "throwing";

        public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
        {
            Calls++;
            throw new IOException("disk on fire");
        }
    }
}
