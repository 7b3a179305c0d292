using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using Microsoft.Extensions.Logging.Abstractions;

namespace DescentLab.Tests.Support;

/// <summary>Run sets trained through the real pipeline (planner, runner, assembler), with a fixed environment and fixed
/// times so that everything written from them is the same on every test run.</summary>
public static class TestRunSets
{
    // The small config's command line, with backticks and a pipe in the resolved config for the report's escaping.
    private static readonly RunEnvironment FixedEnvironment = new(
        "configs/small.yaml",
        new ResolvedConfig("small", "/srv/pipes | and ``` fences survive.yaml", "ab12", [1, 2], [], [], [], new Dictionary<string, double>(), new StopConfig(), "epoch", null),
        "descentlab run configs/small.yaml --parallel 2",
        "0123456789abcdef0123456789abcdef01234567",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["DescentLab"] = "0.1.0", ["ScottPlot"] = "5.1.59" },
        new MachineInfo("Debian GNU/Linux 12", ".NET 10.0.0", 2, "X64"),
        2);

    private static readonly DateTimeOffset StartedUtc = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // 3.5 s after the start: the wall time that summaries report.
    private static readonly DateTimeOffset FinishedUtc = new(2025, 1, 2, 3, 4, 8, 500, TimeSpan.Zero);

    private static readonly Lazy<RunSet> LazySmall = new(BuildSmall);

    private static readonly Lazy<RunSet> LazyNightly = new(() => Run(ConfigLoader.Load(RepoFiles.Config("nightly.yaml"), ConfigLimits.Default).Config!));

    /// <summary>beans1/origin, beans2/affine, beans3/logistic, beans5/logistic (2-D); 2 seeds; closed_form, batch, an sgd
    /// lr sweep including a diverging lr 10, momentum and adam; with a regression report and three nights of trend per problem × setting (adam steps at the last).</summary>
    public static RunSet Small => LazySmall.Value;

    /// <summary>The fixed environment every set here is assembled with (for running the pipeline in process).</summary>
    public static RunEnvironment Environment => FixedEnvironment;

    /// <summary>configs/nightly.yaml as shipped (525 runs), without a baseline or history.</summary>
    public static RunSet Nightly => LazyNightly.Value;

    /// <summary>The small problems and settings without a baseline or history.</summary>
    public static RunSet SmallWithoutBaseline => Small with { Regression = null, Trend = [] };

    /// <summary>Plans, runs and assembles <paramref name="config"/> as the run command does; every row's wall time is
    /// 1 ms, the one measured value, so that the run set is deterministic. The manifest records a fixed resolved config
    /// unless <paramref name="resolveConfig"/> asks for <paramref name="config"/>'s own.</summary>
    public static RunSet Run(ExperimentConfig config, bool resolveConfig = false)
    {
        var plan = Planner.Create(config, null, d => DatasetFileReader.Read(d.FullPath!, d.File!));
        var results = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, FixedEnvironment.Parallel, null, CancellationToken.None);
        var environment = resolveConfig ? FixedEnvironment with { ResolvedConfig = ResolvedConfig.From(config) } : FixedEnvironment;
        var set = RunSetAssembler.Assemble(plan, results, environment, StartedUtc, FinishedUtc, complete: true);
        return set with { Rows = [.. set.Rows.Select(r => r with { WallMs = 1 })] };
    }

    private static ExperimentConfig SmallConfig() => TestConfigs.Create(
        datasets:
        [
            TestConfigs.Recipe("beans1", 30, 1, TestConfigs.Model("origin")),
            TestConfigs.Recipe("beans2", 30, 1, TestConfigs.Model("affine")),
            TestConfigs.Recipe("beans3", 30, 1, TestConfigs.Model("logistic")),
            TestConfigs.Recipe("beans5", 40, 2, TestConfigs.Model("logistic")),
        ],
        variants:
        [
            TestConfigs.Variant("closed_form"),
            TestConfigs.Variant("batch", ("lr", [0.5])),
            TestConfigs.Variant("sgd", ("lr", [0.1, 0.01, 10])),
            TestConfigs.Variant("momentum", ("lr", [0.1])),
            TestConfigs.Variant("adam", ("lr", [0.05])),
        ],
        seeds: [1, 2],
        maxEpochs: 60,
        name: "small");

    private static RunSet BuildSmall()
    {
        var set = Run(SmallConfig());
        var regression = new RegressionReport(
            "baselines/small.csv",
            [new RegressionFinding(set.Rows[2].RunId, "final_gap", "1.5e-7", "3.25e-7", "+116.7%")],
            [new RegressionFinding(set.Rows[3].RunId, "epochs_to_target", "40", "35", "-5"),
             new RegressionFinding(set.Rows[4].RunId, "status", "not_converged", "converged", "not_converged -> converged")],
            [set.Rows[^1].RunId],
            ["beans1-n30_origin_rmsprop_lr0.01_s1"],
            set.Rows.Count - 4)
        {
            Settings =
            [
                new SettingComparison(RunIds.Setting(set.Rows[2].RunId), "final_gap", "1.5E-07", "2E-07", "3.25E-07", "4E-07", "2.167", "1E-09 relative, 1E-12 absolute", 1),
                new SettingComparison(RunIds.Setting(set.Rows[3].RunId), "epochs_to_target", "40", "45", "35", "38", "0.875", "0 epochs", -1),
                new SettingComparison(RunIds.Setting(set.Rows[4].RunId), "status", "not_converged", "not_converged", "converged", "converged", "n/a", "any change", -1),
                new SettingComparison(RunIds.Setting(set.Rows[5].RunId), "final_gap", "0.5", "0.5", "0.5", "0.5", "1", "1E-09 relative, 1E-12 absolute", 0),
                new SettingComparison("beans1-n30_origin_rmsprop_lr0.01", "runs", "1 seed", "1 seed", "0 seeds", "0 seeds", "n/a", "allow_missing: false", 1),
            ],
            BaselineConfigHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            ConfigHash = set.Manifest.ConfigHash,
        };
        // Three nights, the last being this run set; adam got 1000× worse (or needed 3× the epochs) at the last commit.
        string[] commits = ["1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", FixedEnvironment.GitCommit!];
        var trend = new List<TrendPoint>();
        for (int night = 0; night < 3; night++)
        {
            foreach (var point in TrendPoints.Of(night + 1, StartedUtc.AddDays(night - 2), commits[night], set.Rows))
            {
                trend.Add(night == 2 && point.Variant == "adam"
                    ? point with { MedianFinalGap = point.MedianFinalGap * 1000, MedianEpochsToTarget = point.MedianEpochsToTarget * 3 }
                    : point);
            }
        }

        return set with { Regression = regression, Trend = trend };
    }
}
