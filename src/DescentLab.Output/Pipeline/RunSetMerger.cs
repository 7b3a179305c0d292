using DescentLab.Core.Datasets;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>Joins the run sets of shards 1..N of one config into the run set a single process would have produced.</summary>
/// <remarks>Shard K holds plan indices K-1, K-1+N, ... in order (<see cref="ShardSpec"/>), so rows go back to plan order
/// without any other record of the plan; datasets and problems are listed in order of first use, as the planner lists them.</remarks>
public static class RunSetMerger
{
    /// <summary>Merges <paramref name="shards"/> (any order).</summary>
    /// <exception cref="MergeException">The sets are not the shards of one config, or a shard is missing or repeated.</exception>
    public static RunSet Merge(IReadOnlyList<RunSet> shards)
    {
        if (shards.Count == 0)
        {
            throw new MergeException("no run folders to merge");
        }

        var specs = shards.Select(s => s.Manifest.Shard is { } text ? ShardSpec.TryParse(text, out _) : null).ToList();
        if (specs.Any(s => s is null))
        {
            throw new MergeException("every folder must come from 'run --shard K/N'; one holds a whole run set");
        }

        int count = specs[0]!.Count;
        var first = shards[0].Manifest;
        if (shards.Any(s => s.Manifest.ConfigHash != first.ConfigHash || s.Manifest.Name != first.Name))
        {
            throw new MergeException("the folders come from different configs (config hashes differ)");
        }

        var code = VariantCode.Of(first.ResolvedConfig.Variants);
        foreach (var shard in shards)
        {
            if (VariantCode.Changed(code, VariantCode.Of(shard.Manifest.ResolvedConfig.Variants), $"in shard {first.Shard}", $"in shard {shard.Manifest.Shard}") is { } changed)
            {
                throw new MergeException($"the folders ran different code for {changed}");
            }
        }

        var indices = specs.Select(s => s!.Index).ToList();
        if (specs.Any(s => s!.Count != count) || indices.Distinct().Count() != count || indices.Count != count)
        {
            throw new MergeException($"expected shards 1..{count} once each, got {string.Join(", ", specs.Select(s => s!.ToString()))}");
        }

        var ordered = new SortedDictionary<int, SummaryRow>();
        var datasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        var datasetInfos = new Dictionary<string, DatasetInfo>(StringComparer.Ordinal);
        var problems = new Dictionary<(string, string, string), ProblemInfo>();
        for (int s = 0; s < shards.Count; s++)
        {
            var set = shards[s];
            for (int i = 0; i < set.Rows.Count; i++)
            {
                ordered.Add(specs[s]!.Index - 1 + i * count, set.Rows[i]);
            }

            foreach (var (key, data) in set.Datasets)
            {
                datasets[key] = data;
            }

            foreach (var info in set.Manifest.Datasets)
            {
                datasetInfos[info.Key] = info;
            }

            foreach (var problem in set.Manifest.Problems)
            {
                problems[(problem.DatasetKey, problem.Model, problem.Loss)] = problem;
            }
        }

        // A tuned set's shards hold whole groups, not every N-th run.
        var rows = ordered.Values.Any(r => r.Phase is not null)
            ? TunedShards.Order([.. shards.Zip(specs).OrderBy(p => p.Second!.Index).Select(p => p.First.Rows)])
            : ordered.Values.ToList();
        var manifest = first with
        {
            Command = first.Command.Replace($" --shard {specs[0]}", string.Empty, StringComparison.Ordinal),
            StartedUtc = shards.Min(s => s.Manifest.StartedUtc),
            FinishedUtc = shards.Max(s => s.Manifest.FinishedUtc),
            Parallel = shards.Max(s => s.Manifest.Parallel),
            Shard = null,
            Complete = shards.All(s => s.Manifest.Complete),
            Datasets = [.. rows.Select(r => r.DatasetKey).Distinct().Select(k => datasetInfos[k])],
            Problems = [.. rows.Select(r => (r.DatasetKey, r.Model, r.Loss)).Distinct().Select(k => problems[k])],
            Notes = [.. shards.SelectMany(s => s.Manifest.Notes).Distinct()],
        };
        return new RunSet { Manifest = manifest, Rows = rows, Curves = new CurveUnion([.. shards.Select(s => s.Curves)]), Datasets = datasets };
    }
}
