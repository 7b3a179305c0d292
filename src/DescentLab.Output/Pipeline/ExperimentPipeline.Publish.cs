using System.Diagnostics;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Timing;
using DescentLab.Output.Baselines;
using DescentLab.Output.Ci;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using Microsoft.Extensions.Logging;

namespace DescentLab.Output.Pipeline;

// Publishing a run set, in six steps that each fail alone: compare, record, export, complete, move latest, CI outputs.
public sealed partial class ExperimentPipeline
{
    /// <summary>The <c>--timings</c> stage of opening the history store.</summary>
    public const string HistoryOpenStage = "history open";

    /// <summary>The <c>--timings</c> stage of reading the baseline and comparing with it.</summary>
    public const string BaselineStage = "baseline comparison";

    /// <summary>The <c>--timings</c> stage of recording the set in history and reading its trend.</summary>
    public const string HistoryStage = "history record + trend";

    /// <summary>Publishes <paramref name="set"/> in order: compares it with the baseline, records it in history (pending),
    /// writes every exporter's files, marks it complete, moves <c>latest</c> and appends the CI step summary, then logs the
    /// counts as the last line (used by <c>run</c>, <c>run --resume</c> and <c>merge</c>).</summary>
    /// <param name="set">The run set.</param>
    /// <param name="folder">Its run folder.</param>
    /// <param name="history">History, or null for a shard.</param>
    /// <param name="regression">The config's regression block, or null.</param>
    /// <param name="failOnRegression"><c>--fail-on-regression</c>: fail even when the config does not ask to.</param>
    /// <param name="ci">CI files; only the step summary is written here (JUnit covers all configs: <see cref="WriteJunit"/>).</param>
    /// <remarks>Each step is guarded: a step that throws becomes an error of the result (exit code 1) and a log line, never
    /// an exception. A missing (when the gate must fail) or unreadable baseline does not stop the export; it becomes the
    /// outcome. Nothing is called complete before it is: history gets a pending row first (so the trend can include this
    /// set), and only when recording and every exporter succeeded is the manifest written, the history row marked
    /// complete, the <c>INCOMPLETE</c> mark cleared and <c>latest</c> moved. Otherwise the folder stays marked incomplete
    /// with the reasons and how to finish it.</remarks>
    public Published Publish(RunSet set, RunFolder folder, HistoryStore? history, RegressionConfig? regression, bool failOnRegression, CiOutputs ci)
    {
        var publication = new Publication(set, folder, history, failOnRegression || regression?.Fail == true);
        Attempt(publication, "comparing with the baseline", () => CompareStep(publication, regression));
        Attempt(publication, $"recording the run set in {history?.DatabasePath}", () => RecordStep(publication));
        ExportStep(publication);
        if (publication.Errors.Count > 0 || !Attempt(publication, "marking the run set complete", () => CompleteStep(publication)))
        {
            folder.TryMarkIncomplete($"publishing did not finish ({string.Join("; ", publication.Errors)}); finish it with: descentlab run --resume {folder.FullPath}");
            LogIncomplete(set.Manifest.Name, folder.FullPath);
            return publication.Result();
        }

        Attempt(publication, "moving latest", () => LatestStep(publication));
        foreach (var comparison in publication.Set.Regression?.SettingRegressions ?? [])
        {
            LogRegression(comparison.Setting, comparison.Describe());
        }

        Attempt(publication, $"appending the CI step summary to {ci.StepSummaryPath}", () => CiStep(publication, ci));
        LogFinished(set.Manifest.Name, GateCounts.From(publication.Set).ToString(), folder.FullPath);
        return publication.Result();
    }

    /// <summary>Step 1: the regression report against the config's baseline (history's previous set, or a file).</summary>
    private void CompareStep(Publication publication, RegressionConfig? regression)
    {
        if (regression is null || (publication.History is null && regression.Baseline == RegressionConfig.Previous))
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        publication.Set = publication.Set with
        {
            Regression = Compare(publication.Set, publication.History, regression, publication.Folder.FullPath, publication.MustFail, out string? baselineError),
        };
        StageTimings.Record(BaselineStage, start);
        publication.BaselineError = baselineError;

        // A changed config is said before anything else the comparison found.
        if (publication.Set.Regression?.ConfigChange is { } change)
        {
            LogConfigChanged(publication.Set.Manifest.Name, change);
        }

        if (publication.Set.Regression?.MachineChange is { } machine)
        {
            LogConfigChanged(publication.Set.Manifest.Name, machine);
        }
    }

    /// <summary>Step 2: a pending history row, so the trend the report shows includes this set.</summary>
    private static void RecordStep(Publication publication)
    {
        if (publication.History is not { } history)
        {
            return;
        }

        long start = Stopwatch.GetTimestamp();
        publication.Pending = history.Record(publication.Set, publication.Folder.FullPath, pending: true);
        string? machine = history.AllMachines ? null : MachineOf(publication.Set);
        publication.Set = publication.Set with { Trend = history.Trend(publication.Set.Manifest.Name, machine, includingRunSetId: publication.Pending) };
        StageTimings.Record(HistoryStage, start);
    }

    /// <summary>Step 3: every exporter, each isolated from the others (Serilog's SafeAggregateSink): a failing one becomes
    /// a note and an error and the others still write, except the one that marks the folder complete (the manifest),
    /// which is withheld once anything before it failed.</summary>
    private void ExportStep(Publication publication)
    {
        foreach (var exporter in _exporters)
        {
            if (exporter.MarksComplete && publication.Errors.Count > 0)
            {
                LogWithheld(exporter.Name, publication.Folder.FullPath);
                continue;
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                var files = exporter.Export(publication.Set, publication.Folder);
                StageTimings.Record($"exporter {exporter.Name}", start);
                LogExported(exporter.Name, files.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds, HeapMb());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogExporterFailed(exporter.Name, publication.Folder.FullPath, Reason(ex));
                publication.Fail($"exporter '{exporter.Name}' failed: {Reason(ex)}", asNote: true);
            }
        }

        publication.MarkExported();
    }

    /// <summary>Step 4: every file is there, manifest last; now history may call the set complete, then the folder.</summary>
    private static void CompleteStep(Publication publication)
    {
        CrashPoint.Reached();
        if (publication.Pending is { } id)
        {
            publication.History!.MarkComplete(id);
        }

        CrashPoint.Reached();
        new RunJournal(publication.Folder).Delete();
        publication.Folder.MarkComplete();
    }

    /// <summary>Step 5: <c>latest</c> points at the complete folder.</summary>
    private static void LatestStep(Publication publication)
    {
        CrashPoint.Reached();
        publication.Folder.PromoteToLatest();
    }

    /// <summary>Step 6: the headline and regression table appended to the CI step summary, when there is one.</summary>
    private static void CiStep(Publication publication, CiOutputs ci)
    {
        if (ci.StepSummaryPath is { } stepSummary)
        {
            StepSummary.Append(stepSummary, publication.Set);
        }
    }

    /// <summary>Runs one step; an exception becomes an error of the publication (and a note, while the report and
    /// manifest are still to be written) instead of ending the publication. False when the step failed.</summary>
    private bool Attempt(Publication publication, string step, Action body)
    {
        try
        {
            body();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStepFailed(Capitalized(step), publication.Folder.FullPath, Reason(ex));
            publication.Fail($"{step} failed: {Reason(ex)}", asNote: !publication.Exported);
            return false;
        }
    }

    private static string Reason(Exception ex) => ex is AggregateException aggregate ? aggregate.InnerExceptions[0].Message : ex.Message;

    private RegressionReport Compare(RunSet set, HistoryStore? history, RegressionConfig regression, string runDir, bool mustFail, out string? error)
    {
        error = null;
        string configHash = set.Manifest.ConfigHash;
        if (regression.Baseline == RegressionConfig.Previous)
        {
            // The baseline is the named machine's last night, else this machine's own (every machine's when asked).
            string? machine = regression.Machine ?? (history!.AllMachines ? null : MachineOf(set));
            var previous = history!.LatestComplete(set.Manifest.Name, null, machine);
            if (previous is null)
            {
                string first = regression.Machine is { } named
                    ? $"No earlier run set of machine {named} to compare with, so nothing was compared."
                    : "No earlier run set to compare with; this one is the baseline for the next.";
                LogFirstRunSet(set.Manifest.Name, first);
                return RegressionReport.Skipped(RegressionConfig.Previous, first);
            }

            return RegressionComparer.Compare(previous.Rows, set.Rows, regression, previous.Source) with
            {
                BaselineConfigHash = previous.ConfigHash,
                ConfigHash = configHash,
                BaselineMachine = previous.Machine,
                Machine = MachineOf(set),
            };
        }

        string create = BaselineStore.AcceptCommand(runDir, regression.Baseline);
        if (!File.Exists(regression.Baseline))
        {
            string reason = $"the baseline {regression.Baseline} does not exist, so nothing was compared; make this run the baseline with: {create}";
            if (mustFail)
            {
                error = reason;
                LogBaselineUnreadable(set.Manifest.Name, reason);
            }
            else
            {
                LogNoBaseline(set.Manifest.Name, reason);
            }

            return RegressionReport.Skipped(regression.Baseline, Capitalized(reason));
        }

        try
        {
            return RegressionComparer.Compare(BaselineStore.Load(regression.Baseline), set.Rows, regression, regression.Baseline) with
            {
                BaselineConfigHash = BaselineStore.ConfigHashOf(regression.Baseline),
                ConfigHash = configHash,
            };
        }
        catch (RunFileException ex)
        {
            error = $"the baseline cannot be read, so no regression check was made: {ex.Message}; replace it with: {create}";
            LogBaselineUnreadable(set.Manifest.Name, error);
            return RegressionReport.Skipped(regression.Baseline, Capitalized(error));
        }
    }

    /// <summary>The machine <paramref name="set"/> ran on, or null when its manifest does not name it.</summary>
    private static string? MachineOf(RunSet set) => set.Manifest.Machine.Name is { Length: > 0 } name ? name : null;

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>What the steps of one <see cref="Publish"/> hand to each other.</summary>
    private sealed class Publication(RunSet set, RunFolder folder, HistoryStore? history, bool mustFail)
    {
        private readonly List<string> _errors = [];

        public RunSet Set { get; set; } = set;

        public RunFolder Folder => folder;

        public HistoryStore? History => history;

        /// <summary>The config or the command asks to fail on a regression.</summary>
        public bool MustFail => mustFail;

        public string? BaselineError { get; set; }

        /// <summary>The pending history row, once recorded.</summary>
        public long? Pending { get; set; }

        /// <summary>The exporters have run, so a note could no longer reach the report or the manifest.</summary>
        public bool Exported { get; private set; }

        public IReadOnlyList<string> Errors => _errors;

        public void Fail(string error, bool asNote)
        {
            _errors.Add(error);
            if (asNote)
            {
                Set = Set with { Manifest = Set.Manifest with { Notes = [.. Set.Manifest.Notes, error] } };
            }
        }

        public void MarkExported() => Exported = true;

        public Published Result()
        {
            var published = new Published(Set, BaselineError, [.. _errors]);
            return published with { Outcome = RunSetOutcome.Of(published, MustFail) };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Course of {Lessons} lessons: index in {Index}")]
    private partial void LogCourseWritten(int lessons, string index);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: {Counts}; report in {Folder}")]
    private partial void LogFinished(string config, string counts, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exporter {Exporter} wrote {Files} files in {ElapsedMs:0} ms; managed heap {HeapMb:0} MB")]
    private partial void LogExported(string exporter, int files, double elapsedMs, double heapMb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Regression in {Setting}: {Comparison}")]
    private partial void LogRegression(string setting, string comparison);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: {Change}")]
    private partial void LogConfigChanged(string config, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: {Message}")]
    private partial void LogFirstRunSet(string config, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: no regression check: {Reason}")]
    private partial void LogNoBaseline(string config, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config}: {Reason}")]
    private partial void LogBaselineUnreadable(string config, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporter {Exporter} failed in {Folder}: {Reason}")]
    private partial void LogExporterFailed(string exporter, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exporter {Exporter} not run in {Folder}: its file would call the set complete, and an earlier step failed")]
    private partial void LogWithheld(string exporter, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Step} failed in {Folder}: {Reason}")]
    private partial void LogStepFailed(string step, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Config}: {Folder} is marked incomplete and latest was not moved")]
    private partial void LogIncomplete(string config, string folder);
}
