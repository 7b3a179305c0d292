using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Files;

namespace DescentLab.Output.Pipeline;

/// <summary>The second phase of a tuned run set: each group's best trial, chosen from its runs on the tuning seeds, runs
/// on the held-out evaluation seeds.</summary>
public sealed partial class ExperimentPipeline
{
    /// <summary>Chooses each group's best trial from <paramref name="trials"/>, runs it on the evaluation seeds (taking
    /// journaled runs as done, as for the trials) and returns the whole plan with every run in plan order: every trial,
    /// then every evaluation run, as curves.csv and summary.csv hold them.</summary>
    private (ExperimentPlan Plan, IReadOnlyList<StreamedRun> Runs) RunEvaluation(
        ExperimentPlan plan,
        IReadOnlyList<StreamedRun> trials,
        RunJournal journal,
        RunRecorder recorder,
        int parallel,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var best = TrialResults.BestTrials([.. trials.Select(r => r.Row)]);
        var chosen = plan.Tuning!.Groups
            .Where(g => best.ContainsKey(g.Key))
            .ToDictionary(g => g.Group, g => best[g.Key]);
        var evaluation = Planner.CreateEval(plan, chosen, d => DatasetFileReader.Read(d.FullPath!, d.File!), parallel);
        recorder.Extend(evaluation);
        var runs = _runner.Run(evaluation, parallel, recorder.Record, progress, cancellationToken, journal.Finished(evaluation, recorder.Resumed));
        var combined = Planner.Combine(plan, evaluation);
        var byId = trials.Concat(runs).ToDictionary(r => r.Row.RunId, StringComparer.Ordinal);
        return (combined, [.. combined.Runs.Select(r => byId[r.RunId])]);
    }
}
