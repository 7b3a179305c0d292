using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>Search ranges and the <c>tune</c> block: exact errors (file:line:col: key.path: message) and the spaces a valid
/// config resolves to.</summary>
public sealed class TuneConfigTests
{
    /// <summary>A valid tuned config; line 8 is the variant entry, line 9 the tune block.</summary>
    private const string Base =
        """
        name: t
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - sgd: { lr: { log_uniform: [1.0e-3, 1.0] } }
        tune: { trials: 4, eval_seeds: [3] }

        """;

    internal static IEnumerable<TestCaseData> Cases()
    {
        yield return Row("LowAboveHigh", Base.Replace("[1.0e-3, 1.0]", "[1.0, 1.0e-3]"),
            "{file}:8:31: variants[0].sgd.lr.log_uniform: log_uniform needs low < high, got [1, 0.001]");
        yield return Row("LogOfZero", Base.Replace("log_uniform: [1.0e-3, 1.0]", "log_uniform: [0, 1.0]"),
            "{file}:8:31: variants[0].sgd.lr.log_uniform: log_uniform needs low > 0 (its scale is logarithmic), got 0");
        yield return Row("EmptyChoice", Base.Replace("log_uniform: [1.0e-3, 1.0]", "choice: []"),
            "{file}:8:26: variants[0].sgd.lr.choice: choice needs at least one value, got an empty list");
        yield return Row("OutsideTheParameter", Base.Replace("log_uniform: [1.0e-3, 1.0]", "uniform: [-1, 1]"),
            "{file}:8:27: variants[0].sgd.lr.uniform: -1 is outside the range of lr, (0, inf)");
        yield return Row("MisspeltKind", Base.Replace("log_uniform:", "log_unifrom:"),
            "{file}:8:18: variants[0].sgd.lr.log_unifrom: unknown key; did you mean 'log_uniform'?");
        yield return Row("TwoKinds", Base.Replace("log_uniform: [1.0e-3, 1.0]", "uniform: [0.1, 1], choice: [0.1]"),
            "{file}:8:16: variants[0].sgd.lr: expected one range such as { log_uniform: [1.0e-3, 1.0] }, got uniform and choice");
        yield return Row("RangeWithoutTune", Base.Replace("tune: { trials: 4, eval_seeds: [3] }\n", string.Empty),
            "{file}:8:16: variants[0].sgd.lr: a range is sampled only under 'tune'; add a tune block, or give a value or a list of values");
        yield return Row("SweepUnderTune", Base.Replace("{ log_uniform: [1.0e-3, 1.0] }", "[0.1, 0.01]"),
            "{file}:8:16: variants[0].sgd.lr: under 'tune' a list would multiply the trials; give one value to fix it, or { choice: [...] } to let the tuner pick");
        yield return Row("EvalSeedIsATuningSeed", Base.Replace("eval_seeds: [3]", "eval_seeds: [2, 3]"),
            "{file}:9:32: tune.eval_seeds: seed 2 is also a tuning seed; evaluation seeds must be held out");
        yield return Row("MissingEvalSeeds", Base.Replace(", eval_seeds: [3]", string.Empty),
            "{file}:9:7: tune: missing required key 'eval_seeds' (the held-out seeds the best trials are ranked on)");
        yield return Row("MisspeltSampler", Base.Replace("trials: 4", "trials: 4, sampler: quasirandom"),
            "{file}:9:29: tune.sampler: expected one of quasi_random, grid, random, got 'quasirandom'; did you mean 'quasi_random'?");
        yield return Row("ZeroTrials", Base.Replace("trials: 4", "trials: 0"),
            "{file}:9:17: tune.trials: expected a number of trials, an integer in [1, 10000], got 0");
        yield return Row("MisspeltTuneKey", Base.Replace("trials: 4", "trails: 4"),
            "{file}:9:9: tune.trails: unknown key; did you mean 'trials'?");
    }

    [TestCaseSource(nameof(Cases))]
    public void Load_BadTuning_ReportsExactErrors(string text, string[] expected)
    {
        using var folder = new TestFolder();
        string file = folder.Write("c.yaml", text);

        var result = ConfigLoader.Load(file, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(expected.Select(e => e.Replace("{file}", file, StringComparison.Ordinal))));
    }

    [Test]
    public void Load_Tune_DefaultsAndSpaces()
    {
        using var folder = new TestFolder();
        string file = folder.Write("c.yaml", Base.Replace("  - sgd: { lr: { log_uniform: [1.0e-3, 1.0] } }\n", "  - sgd: { lr: { log_uniform: [1.0e-3, 1.0] } }\n  - adam\n  - momentum: { momentum: 0.9 }\n  - closed_form\n"));

        var config = ConfigLoader.Load(file, ConfigLimits.Default).Config!;

        Assert.Multiple(() =>
        {
            Assert.That(config.Tune, Is.EqualTo(new TuneConfig(4, SamplerKind.QuasiRandom, 1, config.Seeds, [3])).Using<TuneConfig>((a, b) =>
                a.Trials == b.Trials && a.Sampler == b.Sampler && a.Seed == b.Seed && a.TuneSeeds.SequenceEqual(b.TuneSeeds) && a.EvalSeeds.SequenceEqual(b.EvalSeeds)));
            Assert.That(config.Variants[0].Space, Is.EqualTo(new[] { new SearchDimension("lr", SearchRange.LogUniform(1e-3, 1)) }).Using<SearchDimension>(Same));
            Assert.That(config.Variants[1].Space, Is.EqualTo(VariantCatalog.Find("adam")!.Space).Using<SearchDimension>(Same));
            // A fixed value takes the hyper-parameter out of the space.
            Assert.That(config.Variants[2].Space!.Select(d => d.Name), Is.EqualTo(new[] { "lr" }));
            Assert.That(config.Variants[3].Space, Is.Empty);
        });
    }

    [Test]
    public void Catalog_EveryTunableBuiltIn_DeclaresASpaceInsideItsParameters()
    {
        foreach (var variant in VariantCatalog.All.Where(v => v.Parameters.Count > 0))
        {
            Assert.That(variant.Space, Is.Not.Empty, variant.Name);
            foreach (var dimension in variant.Space)
            {
                var parameter = variant.Parameters.Single(p => p.Name == dimension.Name);
                Assert.That(dimension.Range.Ends, Has.All.Matches<double>(parameter.Accepts), $"{variant.Name}.{dimension.Name}");
            }
        }
    }

    private static bool Same(SearchDimension a, SearchDimension b) =>
        a.Name == b.Name && a.Range.Kind == b.Range.Kind && a.Range.Low.Equals(b.Range.Low) && a.Range.High.Equals(b.Range.High) && a.Range.Choices.SequenceEqual(b.Range.Choices);

    private static TestCaseData Row(string name, string text, params string[] expected) => new TestCaseData(text, expected).SetName(name);
}
