using DescentLab.Experiments.Analysis.Tuning;

namespace DescentLab.Output.Plots;

/// <summary>Every plot kind, in report order. Add a plot with one line here.</summary>
public static class DefaultPlots
{
    /// <summary>All plot kinds.</summary>
    public static IReadOnlyList<IPlot> All { get; } =
    [
        new ConvergencePlot(),
        new FittedLinesPlot(),
        new ParameterPathsPlot(),
        new LearningRatePlot(),
        new PerformanceProfilePlot(),
        new EcdfPlot(),
        new TrendPlot(),
        new CostCurvePlot(),
        new ErrorSurfacePlot(),
        new FitAnimationPlot(),
        new ProbabilityMapPlot(),
        new MapAnimationPlot(),
        new BudgetPlot(set => TrialResults.From(set.Rows, set.Manifest.ResolvedConfig.Variants)),
    ];
}
