using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Ci;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using Microsoft.Extensions.Logging;

namespace DescentLab.Output.Pipeline;

// run --resume: the part of the pipeline that takes over an interrupted run folder.
public sealed partial class ExperimentPipeline
{
    /// <summary>Finishes the interrupted run set in <paramref name="runDir"/> (<c>run --resume</c>): the config is loaded
    /// again (it must be unchanged), the runs its journal holds are taken as they are, and the rest run; the result is
    /// the set an uninterrupted run would have written, with the command line and data/ threshold it started with. A folder
    /// that completed but was killed before <c>latest</c> moved gets <c>latest</c> now, unless a later set has it. The CI
    /// files the set was started with (<c>--junit</c>, the step summary) are written too, unless <paramref name="ci"/>
    /// names others.</summary>
    public PipelineResult Resume(
        string runDir,
        int parallel,
        CiOutputs ci,
        Func<ExperimentConfig, string, RunEnvironment> environment,
        ConfigLimits limits,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        ResumeRequest resume;
        try
        {
            resume = ResumeRequest.Read(runDir);
        }
        catch (RunFileException ex)
        {
            // Killed before it recorded how to resume it: no run had started, so nothing is lost by removing it.
            return RunFolder.TryRemoveBareClaim(runDir)
                ? new PipelineResult(
                    PipelineOutcome.BadInput,
                    [$"{Path.GetFullPath(runDir)}: the run folder cannot be resumed: it was killed before it recorded how (no run had started), so it has been removed; start the run again"],
                    [])
                : new PipelineResult(PipelineOutcome.BadInput, [ex.Message], []);
        }

        string fullPath = Path.GetFullPath(runDir);
        if (File.Exists(Path.Combine(fullPath, Json.ManifestJson.FileName)) && !File.Exists(Path.Combine(fullPath, RunFolder.IncompleteMarker)))
        {
            LogAlreadyComplete(fullPath);
            if (resume.LatestLink is not null && RunFolder.CatchUpLatest(fullPath, resume.LatestLink))
            {
                LogLatestCaughtUp(resume.LatestLink, fullPath);
            }

            return new PipelineResult(PipelineOutcome.Success, [], [fullPath]);
        }

        var overrides = resume.ConfigOverrides();
        var loaded = ConfigLoader.Load(resume.ConfigFullPath, limits, overrides: overrides);
        if (!loaded.Succeeded)
        {
            return new PipelineResult(PipelineOutcome.BadInput, [.. loaded.Errors.Select(e => e.ToString())], []);
        }

        var config = loaded.Config!;
        if (config.SourceHash != resume.ConfigHash)
        {
            return new PipelineResult(
                PipelineOutcome.BadInput,
                [$"{resume.ConfigPath} has changed since the run set in {fullPath} started; a resumed set must use the same config (start a new run instead)"],
                []);
        }

        if (resume.VariantCode is { } before && VariantCode.Changed(before, VariantCode.Of(ResolvedConfig.From(config).Variants)) is { } changed)
        {
            return new PipelineResult(
                PipelineOutcome.BadInput,
                [$"the code of {changed}: it has changed since the run set in {fullPath} started; a resumed set must run the same code (start a new run instead)"],
                []);
        }

        var shard = resume.Shard is null ? null : ShardSpec.TryParse(resume.Shard, out _);
        var request = new RunRequest([resume.ConfigPath], resume.ReportsRoot, fullPath, parallel, shard, resume.FailOnRegression)
        {
            Ci = resume.CiOutputs(ci),
            Overrides = overrides,
        };
        ExperimentPlan plan;
        HistoryStore? history = null;
        RunFolder folder;
        try
        {
            plan = Planner.Create(config, shard, d => DatasetFileReader.Read(d.FullPath!, d.File!), parallel);
            history = shard is null ? _history.Open(resume.ReportsRoot) : null;
            folder = RunFolder.Reopen(fullPath, resume.LatestLink);
            new RunJournal(folder).Check();
        }
        catch (Exception ex) when (ex is DatasetFileException or HistoryException or OutputFolderException or RunFileException)
        {
            history?.Dispose();
            return new PipelineResult(PipelineOutcome.BadInput, [ex.Message], []);
        }

        using (history)
        {
            var failures = new List<string>();
            var outcome = RunWritten(config.Name, folder, failures, () =>
            {
                var runEnvironment = environment(config, resume.ConfigPath);
                runEnvironment = runEnvironment with
                {
                    Command = resume.Command ?? runEnvironment.Command,
                    DataFileMaxSamples = resume.DataFileMaxSamples ?? runEnvironment.DataFileMaxSamples,
                };
                var published = RunConfig(plan, runEnvironment, folder, history, request, progress, cancellationToken);
                return WriteJunit(request.Ci.JunitPath, [published.Set]) ? published.Outcome : RunSetOutcome.Worst(published.Outcome, PipelineOutcome.Failure);
            });
            return new PipelineResult(outcome, failures, [fullPath]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Config}: resuming, {Finished} of {Runs} runs already finished")]
    private partial void LogResuming(string config, int finished, int runs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Latest} was behind: it now points at {Folder}")]
    private partial void LogLatestCaughtUp(string latest, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Folder} is already complete; nothing to resume")]
    private partial void LogAlreadyComplete(string folder);
}
