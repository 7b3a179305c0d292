using System.Diagnostics;
using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Timing;

namespace DescentLab.Experiments.Planning;

/// <summary>Expands a validated config into the frozen run matrix.</summary>
/// <remarks>Order: datasets (config order) × seeds × models × variants (config order) × hyper-parameter sweeps (first key
/// outermost) × batches. Runs with a run_id already planned are dropped with a note. Datasets are generated and L* solved
/// only for runs that the shard includes.</remarks>
public static class Planner
{
    // Keeps the shuffle stream apart from the dataset stream of the same seed ("SHUFFLE!" in ASCII).
    private const ulong ShuffleSalt = 0x53485546464C4521UL;

    /// <summary>Plans <paramref name="config"/>, reading file datasets with <paramref name="readFile"/>.</summary>
    /// <param name="config">The validated config.</param>
    /// <param name="shard">The shard to plan, or null for all runs.</param>
    /// <param name="readFile">Reads a file dataset.</param>
    /// <param name="parallel">How many reference solves may run at once (the run's <c>--parallel</c>); the plan is the same
    /// whatever the value.</param>
    public static ExperimentPlan Create(ExperimentConfig config, ShardSpec? shard, Func<DatasetConfig, Dataset> readFile, int parallel = 1)
    {
        var builder = new PlanBuilder(config, shard, readFile, parallel);
        if (config.Tune is not null)
        {
            return TunedMatrix.Plan(config, builder, shard);
        }

        foreach (var datasetConfig in config.Datasets)
        {
            foreach (ulong seed in config.Seeds)
            {
                foreach (var modelConfig in datasetConfig.Models ?? config.Models)
                {
                    foreach (var variantConfig in config.Variants)
                    {
                        builder.AddRuns(datasetConfig, seed, modelConfig, variantConfig);
                    }
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The evaluation runs of a tuned plan: each of its groups' chosen trial on every evaluation seed, at the plan
    /// indices <see cref="TunedMatrix"/> kept for them.</summary>
    /// <param name="plan">The tuned plan (its trials have run).</param>
    /// <param name="bestTrial">The chosen trial of each group this shard runs, by <see cref="TuneGroup.Group"/>.</param>
    /// <param name="readFile">Reads a file dataset.</param>
    /// <param name="parallel">How many reference solves may run at once.</param>
    public static ExperimentPlan CreateEval(ExperimentPlan plan, IReadOnlyDictionary<int, int> bestTrial, Func<DatasetConfig, Dataset> readFile, int parallel = 1)
    {
        var config = plan.Config;
        var tuning = plan.Tuning ?? throw new ArgumentException("the plan does not tune", nameof(plan));
        var builder = new PlanBuilder(config, plan.Shard, readFile, parallel);
        foreach (var group in tuning.Groups.Where(g => g.Included && bestTrial.ContainsKey(g.Group)))
        {
            int trial = bestTrial[group.Group];
            var model = builder.Model(group.Dataset, group.Model, group.Variant.Variant)!;
            var seeds = config.Tune!.EvalSeeds;
            for (int e = 0; e < seeds.Count; e++)
            {
                string runId = PlanBuilder.RunId(group.Dataset, group.Model, group.Variant, group.Fixed, group.Batch, seeds[e], TunedMatrix.EvalTag(trial));
                builder.Add(group.Dataset, seeds[e], group.Model, group.Variant, model, group.Setting(trial), group.Batch, runId, group.EvalIndex + e, true, trial, TrialPhase.Eval);
            }
        }

        builder.Reserve(plan.TotalRuns);
        return builder.Build(tuning);
    }

    /// <summary>A tuned plan's trials and evaluation runs as one plan: runs in plan order, datasets and problems in order of
    /// first use (as a single plan lists them).</summary>
    public static ExperimentPlan Combine(ExperimentPlan trials, ExperimentPlan evaluation)
    {
        // Trials first, then evaluation runs: the order in which they run, so curves.csv can be written as they finish.
        var runs = trials.Runs.Concat(evaluation.Runs).ToList();
        var datasets = runs.Select(r => r.Dataset).DistinctBy(d => d.Key).ToList();
        var problems = trials.Problems.Concat(evaluation.Problems).DistinctBy(p => (p.DatasetKey, p.Model, p.Loss)).ToDictionary(p => (p.DatasetKey, p.Model, p.Loss));
        var used = runs.Select(r => (r.Dataset.Key, r.Model.Name, LossNames.ToKey(r.Model.LossKind))).Distinct().Select(k => problems[k]).ToList();
        return trials with { Runs = runs, Datasets = datasets, Problems = used, Notes = [.. trials.Notes.Concat(evaluation.Notes).Distinct()] };
    }

    /// <summary>The seed of the per-epoch reshuffle for a run seed.</summary>
    public static ulong ShuffleSeed(ulong seed) => seed ^ ShuffleSalt;

    /// <summary>Every combination of the swept values, first key outermost.</summary>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> Combinations(IReadOnlyList<KeyValuePair<string, IReadOnlyList<double>>> sweeps)
    {
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> result = [[]];
        foreach (var (name, values) in sweeps)
        {
            var next = new List<IReadOnlyList<KeyValuePair<string, double>>>(result.Count * values.Count);
            foreach (var prefix in result)
            {
                foreach (double value in values)
                {
                    next.Add([.. prefix, new KeyValuePair<string, double>(name, value)]);
                }
            }

            result = next;
        }

        return result;
    }
}
