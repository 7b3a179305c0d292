using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Tests.Support;

/// <summary>Fixed run sets for report and plot tests, trained once per test run.</summary>
public static class TestRunSets
{
    private static readonly Lazy<RunSet> LazySmall = new(BuildSmall);

    /// <summary>beans1/origin, beans2/affine, beans3/logistic, beans5/logistic (2-D); 2 seeds; closed_form, batch, an sgd
    /// lr sweep including a diverging lr 10, momentum and adam; with a regression report and three trend points per variant.</summary>
    public static RunSet Small => LazySmall.Value;

    /// <summary>The small problems and settings without a baseline or history.</summary>
    public static RunSet SmallWithoutBaseline => Small with { Regression = null, Trend = [] };

    /// <summary>The builder behind <see cref="Small"/>, for variations.</summary>
    public static RunSetBuilder SmallBuilder() => new RunSetBuilder()
        .Seeds(1, 2)
        .Stop(60, 1e-6)
        .Problem("beans1", 30, "origin")
        .Problem("beans2", 30, "affine")
        .Problem("beans3", 30, "logistic")
        .Problem("beans5", 40, "logistic")
        .Variant("closed_form")
        .Variant("batch", 0.5)
        .Variant("sgd", 0.1)
        .Variant("sgd", 0.01)
        .Variant("sgd", 10)
        .Variant("momentum", 0.1)
        .Variant("adam", 0.05);

    private static RunSet BuildSmall()
    {
        var set = SmallBuilder().Build();
        var regression = new RegressionReport(
            "baselines/small.csv",
            [new RegressionFinding(set.Rows[2].RunId, "final_gap", "1.5e-7", "3.25e-7", "+116.7%")],
            [new RegressionFinding(set.Rows[3].RunId, "epochs_to_target", "40", "35", "-5"),
             new RegressionFinding(set.Rows[4].RunId, "status", "not_converged", "converged", "not_converged -> converged")],
            [set.Rows[^1].RunId],
            ["beans1-n30_origin_rmsprop_lr0.01_s1"],
            set.Rows.Count - 4);
        var started = set.Manifest.StartedUtc;
        var trend = new List<TrendPoint>();
        for (int night = 0; night < 3; night++)
        {
            foreach (var variant in set.Rows.Select(r => r.Variant).Distinct())
            {
                var rows = set.Rows.Where(r => r.Variant == variant).ToList();
                double gap = Median.Of(rows.Select(r => r.FinalGap));
                double? epochs = Median.LowerOrNull(rows.Select(r => (long?)r.EpochsToTarget));
                trend.Add(new TrendPoint(night + 1, started.AddDays(night - 2), variant, gap * (3 - night), epochs + (2 - night)));
            }
        }

        return set with { Regression = regression, Trend = trend };
    }
}
