using DescentLab.Core.Tuning;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>tune</c> block: <c>{ trials: 16, sampler: quasi_random, seed: 1, tune_seeds: [1, 2, 3], eval_seeds: [4, 5] }</c>.</summary>
internal static class TuneValidator
{
    private const string Block = "tune";

    /// <summary>The tuning budget, or null when <paramref name="node"/> is absent or wrong (reported).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The block, or null.</param>
    /// <param name="seeds">The config's seeds: the tuning seeds unless <c>tune_seeds</c> is given.</param>
    public static TuneConfig? Read(ValidationContext context, ConfigNode? node, IReadOnlyList<ulong> seeds)
    {
        if (node is null || context.Mapping(node, Block, "a mapping such as { trials: 16, eval_seeds: [4, 5, 6] }") is not { } mapping)
        {
            return null;
        }

        var keys = context.Keys(mapping, Block, ConfigKeys.NamesUnder(Block));
        int trials = keys.TryGetValue("trials", out var t) && context.Integer(t.Value, Path("trials"), ConfigKeys.Trials) is { } count ? (int)count : ConfigKeys.DefaultTrials;
        var sampler = keys.TryGetValue("sampler", out var s) ? ReadSampler(context, s.Value) : SamplerKind.QuasiRandom;
        ulong seed = keys.TryGetValue("seed", out var sd) && context.Unsigned(sd.Value, Path("seed"), "a non-negative integer seed") is { } value ? value : ConfigKeys.DefaultTuneSeed;
        var tuneSeeds = keys.TryGetValue("tune_seeds", out var ts) ? ReadSeeds(context, ts.Value, Path("tune_seeds")) : seeds;
        var evalNode = context.Required(keys, "eval_seeds", mapping, Block, "the held-out seeds the best trials are ranked on");
        var evalSeeds = evalNode is null ? [] : ReadSeeds(context, evalNode, Path("eval_seeds"));
        var shared = evalSeeds.Where(tuneSeeds.Contains).ToList();
        if (evalNode is not null && shared.Count > 0)
        {
            context.Error(evalNode, Path("eval_seeds"), $"seed {shared[0]} is also a tuning seed; evaluation seeds must be held out");
        }

        return sampler is { } kind && evalSeeds.Count > 0 ? new TuneConfig(trials, kind, seed, tuneSeeds, evalSeeds) : null;
    }

    private static SamplerKind? ReadSampler(ValidationContext context, ConfigNode node)
    {
        var names = TuneConfig.SamplerNames;
        if (context.Text(node, Path("sampler"), $"one of {string.Join(", ", names)}") is not { } text)
        {
            return null;
        }

        int index = names.ToList().IndexOf(text);
        if (index < 0)
        {
            string? hint = Suggestions.Closest(text, names);
            context.Error(node, Path("sampler"), $"expected one of {string.Join(", ", names)}, got '{text}'{(hint is null ? string.Empty : $"; did you mean '{hint}'?")}");
            return null;
        }

        return (SamplerKind)index;
    }

    /// <summary>A non-empty list of distinct non-negative integers.</summary>
    private static IReadOnlyList<ulong> ReadSeeds(ValidationContext context, ConfigNode node, string path)
    {
        var seeds = new List<ulong>();
        if (context.NonEmptyList(node, path, "a non-empty list of seeds, e.g. [4, 5, 6]") is not { } list)
        {
            return seeds;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string itemPath = KeyPath.Item(path, i);
            if (context.Unsigned(list.Items[i], itemPath, "a non-negative integer seed") is not { } seed)
            {
                continue;
            }

            if (seeds.Contains(seed))
            {
                context.Error(list.Items[i], itemPath, $"duplicate seed {seed}");
                continue;
            }

            seeds.Add(seed);
        }

        return seeds;
    }

    private static string Path(string key) => KeyPath.Child(Block, key);
}
