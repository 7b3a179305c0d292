using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Running;

/// <summary>Turns a plan and its results into the <see cref="RunSet"/> that exporters read.</summary>
public static class RunSetAssembler
{
    /// <summary>Assembles the run set of <paramref name="plan"/> from whole results (curves held in memory);
    /// <paramref name="results"/> are in plan order.</summary>
    public static RunSet Assemble(
        ExperimentPlan plan,
        IReadOnlyList<RunResult> results,
        RunEnvironment environment,
        DateTimeOffset startedUtc,
        DateTimeOffset finishedUtc,
        bool complete)
    {
        var curves = new Dictionary<string, Curve>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result.Training is { } training)
            {
                curves.Add(result.Spec.RunId, training.Curve);
            }
        }

        return Assemble(plan, [.. results.Select(ToRow)], new CurveMap(curves), environment, startedUtc, finishedUtc, complete);
    }

    /// <summary>Assembles the run set of <paramref name="plan"/> from its summary rows (in plan order) and its curves.</summary>
    public static RunSet Assemble(
        ExperimentPlan plan,
        IReadOnlyList<SummaryRow> rows,
        ICurveSource curves,
        RunEnvironment environment,
        DateTimeOffset startedUtc,
        DateTimeOffset finishedUtc,
        bool complete)
    {
        var manifest = new RunManifest
        {
            Name = plan.Config.Name,
            ConfigPath = environment.ConfigPath,
            ConfigHash = plan.Config.SourceHash,
            Overrides = plan.Config.Overrides.Count > 0 ? plan.Config.Overrides : null,
            ResolvedConfig = environment.ResolvedConfig,
            Command = environment.Command,
            GitCommit = environment.GitCommit,
            Versions = environment.Versions,
            Machine = environment.Machine,
            Seeds = plan.Config.Seeds,
            StartedUtc = startedUtc,
            FinishedUtc = finishedUtc,
            Parallel = environment.Parallel,
            Shard = plan.Shard?.ToString(),
            Complete = complete,
            Datasets = [.. plan.Datasets.Select(d => new DatasetInfo(d.Key, d.Data.Identity, d.Data.Count <= environment.DataFileMaxSamples))],
            Problems = plan.Problems,
            Notes = plan.Notes,
        };
        return new RunSet
        {
            Manifest = manifest,
            Rows = rows,
            Curves = curves,
            Datasets = plan.Datasets.ToDictionary(d => d.Key, d => d.Data, StringComparer.Ordinal),
        };
    }

    /// <summary>The summary row of one result.</summary>
    public static SummaryRow ToRow(RunResult result)
    {
        var spec = result.Spec;
        var training = result.Training;
        var identity = spec.Dataset.Data.Identity;
        var values = spec.HyperParameters.Values;
        var parameterNames = spec.Model.ParameterNames;
        return new SummaryRow
        {
            RunId = spec.RunId,
            Dataset = identity.Recipe ?? identity.Name,
            DatasetKey = spec.Dataset.Key,
            Recipe = identity.Recipe,
            N = identity.N,
            Seed = spec.Seed,
            Model = spec.Model.Name,
            Loss = LossNames.ToKey(spec.Model.LossKind),
            Variant = spec.Variant.Name,
            Lr = values.TryGetValue("lr", out double lr) ? lr : null,
            Step = values.TryGetValue("step", out double step) ? step : null,
            Batch = spec.Options.BatchSize,
            Shuffle = spec.Options.Shuffle,
            HyperParameters = OtherHyperParameters(spec),
            Trial = spec.Trial,
            Phase = spec.Phase,
            Status = result.Status,
            Epochs = training?.Epochs ?? 0,
            Steps = training?.Steps ?? 0,
            FinalLoss = training?.FinalLoss ?? double.NaN,
            OptimumLoss = spec.Optimum.Loss,
            OptimumKind = spec.Optimum.Kind,
            OptimumAttained = spec.Optimum.Attained,
            FinalGap = training?.FinalGap ?? double.NaN,
            Accuracy = spec.Options.TrackAccuracy ? training?.FinalAccuracy ?? double.NaN : null,
            EpochsToTarget = training?.EpochsToTarget,
            GradEvalsToTarget = training?.GradEvalsToTarget,
            GradEvals = training?.GradEvals ?? 0,
            FinalParameters = [.. parameterNames.Select((name, j) => new KeyValuePair<string, double>(name, training?.FinalTheta[j] ?? double.NaN))],
            Message = result.Message,
            WallMs = result.WallMs,
        };
    }

    private static HyperValues OtherHyperParameters(RunSpec spec) => HyperValues.Of(
        spec.Variant.Parameters
            .Where(p => p.Name is not ("lr" or "step"))
            .Select(p => new KeyValuePair<string, double>(p.Name, spec.HyperParameters[p.Name])));
}
