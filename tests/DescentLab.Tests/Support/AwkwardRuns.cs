using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.External;
using DescentLab.Experiments.Plugins;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Hand-made runs with the awkward values that files must survive: shortest round-trip doubles, subnormals, -0,
/// NaN, infinities, nulls, text with commas, quotes and line breaks. Rows, a curve, datasets and a manifest, and the run
/// set and run folder made of them.</summary>
/// <remarks>Golden files (summary.csv, curve.csv) are written from these literals: changing one changes them.</remarks>
public static class AwkwardRuns
{
    /// <summary>A converged origin/sgd row.</summary>
    public static SummaryRow Origin(string runId = "beans1-n20-s1/origin/sgd-lr0.1") => new()
    {
        RunId = runId,
        Dataset = "beans1",
        DatasetKey = "beans1-n20-s1",
        Recipe = "beans1",
        N = 20,
        Seed = 1,
        Model = "origin",
        Loss = "mse",
        Variant = "sgd",
        Lr = 0.1,
        Batch = 1,
        Shuffle = false,
        Status = RunStatus.Converged,
        Epochs = 100,
        Steps = 2000,
        FinalLoss = 0.30000000000000004,
        OptimumLoss = 1E-300,
        OptimumKind = ReferenceKind.Exact,
        OptimumAttained = true,
        FinalGap = 5E-324,
        EpochsToTarget = 7,
        GradEvalsToTarget = 140,
        GradEvals = 2000,
        FinalParameters = [new("w", 1.2345678901234567)],
        WallMs = 12.5,
    };

    /// <summary>A not-converged affine/fixed_step row with a message full of CSV specials and a -0 bias.</summary>
    public static SummaryRow Affine() => new()
    {
        RunId = "beans2-n20-s1/affine/fixed_step-step0.01",
        Dataset = "beans2",
        DatasetKey = "beans2-n20-s1",
        Recipe = "beans2",
        N = 20,
        Seed = 1,
        Model = "affine",
        Loss = "mse",
        Variant = "fixed_step",
        Step = 0.01,
        Batch = 20,
        Shuffle = true,
        Status = RunStatus.NotConverged,
        Epochs = 50,
        Steps = 50,
        FinalLoss = 123456789.12345679,
        OptimumLoss = 0.1,
        OptimumKind = ReferenceKind.BestKnown,
        OptimumAttained = true,
        FinalGap = 1.7976931348623157E+308,
        GradEvals = 1000,
        FinalParameters = [new("w", 0.7), new("b", -0.0)],
        Message = "slow, \"very\" slow\nsecond line",
        WallMs = 0,
    };

    /// <summary>A diverged 2-D logistic row on a user's file: non-finite values, the largest seed, extra hyper-parameters.</summary>
    public static SummaryRow Logistic() => new()
    {
        RunId = "my_beans/logistic/adam-lr0.05",
        Dataset = "my_beans",
        DatasetKey = "my_beans",
        Recipe = null,
        N = 3,
        Seed = ulong.MaxValue,
        Model = "logistic",
        Loss = "cross_entropy",
        Variant = "adam",
        Lr = 0.05,
        Batch = 3,
        Shuffle = false,
        HyperParameters = HyperValues.Of([new("beta1", 0.9), new("beta2", 0.999), new("eps", 1e-8)]),
        Status = RunStatus.Diverged,
        Epochs = 3,
        Steps = 3,
        FinalLoss = double.NaN,
        OptimumLoss = 0.25,
        OptimumKind = ReferenceKind.Infimum,
        Accuracy = 2.0 / 3,
        Trial = 11,
        Phase = TrialPhase.Eval,
        OptimumAttained = false,
        FinalGap = double.PositiveInfinity,
        GradEvals = 9,
        FinalParameters = [new("w1", double.NegativeInfinity), new("w2", 2.5), new("b", double.NaN)],
        Message = "loss became NaN at epoch 3",
        WallMs = 0.125,
    };

    /// <summary>A failed row with no parameters.</summary>
    public static SummaryRow Failed() => new()
    {
        RunId = "beans1-n20-s1/origin/line_search-lr1",
        Dataset = "beans1",
        DatasetKey = "beans1-n20-s1",
        Recipe = "beans1",
        N = 20,
        Seed = 1,
        Model = "origin",
        Loss = "mse",
        Variant = "line_search",
        Lr = 1,
        Batch = 20,
        Shuffle = false,
        Status = RunStatus.Failed,
        Epochs = 0,
        Steps = 0,
        FinalLoss = double.NaN,
        OptimumLoss = 1E-300,
        OptimumAttained = true,
        FinalGap = double.NaN,
        GradEvals = 0,
        FinalParameters = [],
        Message = "boom",
        WallMs = 1,
    };

    /// <summary>All four rows, in that order.</summary>
    public static IReadOnlyList<SummaryRow> Rows() => [Origin(), Affine(), Logistic(), Failed()];

    /// <summary>A three-row affine curve with awkward values.</summary>
    public static Curve Curve() => new(
        ["w", "b"],
        [0, 1, 2],
        [0, 20, 40],
        [1.5, 0.30000000000000004, 5E-324],
        [1.4, 0.2, double.NaN],
        [3.0, 1E-300, double.PositiveInfinity],
        [0.1, 0.0, 0.5, -0.0, 0.7, double.NegativeInfinity]);

    /// <summary>The four rows as a run set: a curve for every run but the failed one, the datasets of beans1,
    /// beans2 and a user's file, and <see cref="Manifest"/>.</summary>
    public static RunSet Set(bool complete = true, RegressionReport? regression = null)
    {
        var rows = Rows();
        var logistic = Dataset.Create("my_beans", null, null, "data/my_beans.csv", [0.1, 0.2, 0.3], [1, 2, 3], [0, 1, 0]);
        var datasets = new List<(string Key, Dataset Data)> { ("beans1-n20-s1", Beans1()), ("beans2-n20-s1", RecipeCatalog.Find("beans2")!.Generate(20, 1)), ("my_beans", logistic) };
        return new RunSet
        {
            Manifest = Manifest(datasets, complete),
            Rows = rows,
            Curves = new CurveMap(rows.Where(r => r.Status != RunStatus.Failed).ToDictionary(r => r.RunId, _ => Curve(), StringComparer.Ordinal)),
            Datasets = datasets.ToDictionary(d => d.Key, d => d.Data, StringComparer.Ordinal),
            Regression = regression,
        };
    }

    /// <summary>Writes <see cref="Set"/> as a run folder into <paramref name="runDir"/> and returns it.</summary>
    public static string WriteFolder(string runDir, bool complete = true, RegressionReport? regression = null) =>
        RunFolders.Write(Set(complete, regression), runDir);

    /// <summary>A small 1-D dataset from beans1.</summary>
    public static Dataset Beans1() => RecipeCatalog.Find("beans1")!.Generate(20, 1);

    /// <summary>A small 2-D dataset from beans5.</summary>
    public static Dataset Beans5() => RecipeCatalog.Find("beans5")!.Generate(10, 3);

    /// <summary>A manifest listing <paramref name="datasets"/> (by key).</summary>
    public static RunManifest Manifest(IReadOnlyList<(string Key, Dataset Data)> datasets, bool complete = true) => new()
    {
        Name = "nightly",
        ConfigPath = "configs/nightly.yaml",
        ConfigHash = "ab12",
        ResolvedConfig = new ResolvedConfig(
            "nightly",
            "/srv/configs/nightly.yaml",
            "ab12",
            [1, 2],
            [new ResolvedDataset("a+b <c>", null, "a+b <c>.csv", "/srv/configs/a+b <c>.csv", 3, 2, [new ResolvedModel("mlp", "cross_entropy", 3)])],
            [new ResolvedModel("origin", "mse")],
            [
                new ResolvedVariant("minibatch", new Dictionary<string, IReadOnlyList<double>> { ["lr"] = [0.1, 1e-300] }, [10, null], true, "plain gradient descent", "#009e73"),
                new ResolvedVariant("lion", new Dictionary<string, IReadOnlyList<double>> { ["lr"] = [0.01] }, [null], false, "sign descent", "#e6550d", Plugin: new PluginOrigin("Lion/bin/Lion.dll", "/srv/configs/Lion/bin/Lion.dll", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "1.0.0+0123abc")),
                new ResolvedVariant("py_adam", new Dictionary<string, IReadOnlyList<double>>(), [null], false, "external", "#1b9e77", External: new ExternalOrigin(["python3", "adam \"q\".py", "--x"], [new FileDigest("adam \"q\".py", "cd34")])),
            ],
            new Dictionary<string, double> { ["b"] = -0.0, ["w"] = 0.1 },
            new StopConfig(MaxEpochs: 7),
            "step",
            new RegressionConfig("previous", Fail: true)),
        Command = "descentlab run configs/nightly.yaml",
        GitCommit = "0123456789abcdef",
        Versions = new Dictionary<string, string> { ["descentlab"] = "1.0.0", ["CsvHelper"] = "34.0.0" },
        Machine = new MachineInfo("Linux", ".NET 10.0.12", 2, "X64"),
        Seeds = [1, 2, ulong.MaxValue],
        StartedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2025, 1, 2, 3, 4, 9, TimeSpan.Zero),
        Parallel = 2,
        Shard = null,
        Complete = complete,
        Datasets = [.. datasets.Select(d => new DatasetInfo(d.Key, d.Data.Identity))],
        Problems =
        [
            new ProblemInfo("beans1-n20-s1", "origin", "mse", 0.30000000000000004, true, "closed_form", [new("w", 1.2)]),
            new ProblemInfo("my_beans", "logistic", "cross_entropy", 5E-324, false, "newton", [new("w1", double.PositiveInfinity), new("w2", -0.0), new("b", double.NaN)]),
        ],
        Notes = ["closed_form skipped for logistic: no closed form"],
    };
}
