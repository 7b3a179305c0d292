using DescentLab.Core.Tuning;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Planning;

/// <summary>The run matrix of a tuned config: per group (dataset × model × variant entry, in config order) its trials ×
/// tuning seeds, followed by the room of its evaluation runs (one per evaluation seed).</summary>
/// <remarks>A group's runs are contiguous in the plan and a shard takes whole groups (group g goes to shard g mod N + 1),
/// so each shard chooses its groups' best trials from its own runs and evaluates them without waiting for the others.
/// A variant with nothing to tune (an empty space) gets one trial.</remarks>
internal static class TunedMatrix
{
    /// <summary>Plans the trials of every group; the evaluation runs come from <see cref="Planner.CreateEval"/>.</summary>
    public static ExperimentPlan Plan(ExperimentConfig config, PlanBuilder builder, ShardSpec? shard)
    {
        var tune = config.Tune!;
        var groups = new List<TuneGroup>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var datasetConfig in config.Datasets)
        {
            foreach (var modelConfig in datasetConfig.Models ?? config.Models)
            {
                foreach (var variantConfig in config.Variants)
                {
                    if (builder.Model(datasetConfig, modelConfig, variantConfig.Variant) is not { } model)
                    {
                        continue;
                    }

                    var fixedValues = variantConfig.Sweeps.Select(s => new KeyValuePair<string, double>(s.Key, s.Value[0])).ToList();
                    int? batch = VariantBatches.Of(variantConfig.Variant, variantConfig)[0];
                    string key = RunIds.Setting(PlanBuilder.RunId(datasetConfig, modelConfig, variantConfig, fixedValues, batch, 0, string.Empty));
                    if (!keys.Add(key))
                    {
                        builder.Note($"Duplicate tuned variant {key} planned once.");
                        continue;
                    }

                    var space = variantConfig.Space ?? [];
                    var trials = TrialSampler.Sample(tune.Sampler, space, space.Count == 0 ? 1 : tune.Trials, tune.Seed);
                    bool included = shard is null || shard.Includes(groups.Count);
                    for (int t = 0; t < trials.Count; t++)
                    {
                        foreach (ulong seed in tune.TuneSeeds)
                        {
                            string runId = PlanBuilder.RunId(datasetConfig, modelConfig, variantConfig, fixedValues, batch, seed, Tag(t));
                            builder.Add(datasetConfig, seed, modelConfig, variantConfig, model, [.. fixedValues, .. trials[t]], batch, runId, index++, included, t, TrialPhase.Tune);
                        }
                    }

                    groups.Add(new TuneGroup(groups.Count, key, datasetConfig, modelConfig, variantConfig, fixedValues, trials, batch, index, included));
                    index += tune.EvalSeeds.Count;
                }
            }
        }

        builder.Reserve(index);
        return builder.Build(new TunePlan(groups));
    }

    /// <summary>The run id tag of a trial's run on a tuning seed: <c>_t3</c>.</summary>
    public static string Tag(int trial) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"_t{trial}");

    /// <summary>The run id tag of the chosen trial's run on an evaluation seed: <c>_t3_eval</c>.</summary>
    public static string EvalTag(int trial) => Tag(trial) + "_eval";
}
