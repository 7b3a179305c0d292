using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DescentLab.Output.Plots;

/// <summary>The trend from history, asv style: one panel per problem, x = run sets labelled by date and short git commit,
/// y = the problem's judging quantity (median final gap on a log scale, median accuracy where accuracy judges the problem, or
/// median epochs to target once every median reached it); drawn once there are two run sets.</summary>
/// <remarks>Each panel shows the problem's leader by the headline's rule and the settings that stepped
/// (<see cref="TrendAnalysis"/>), at most
/// <see cref="VariantFamilies.MaxLinesPerPanel"/> lines, and at most <see cref="MaxPanels"/> problems; a step is marked with
/// a large triangle at the first run set after it. Gaps at or below <see cref="LogScale.Floor"/> (zero, negative or
/// rounding) sit in a labelled band at the bottom. Run sets are evenly spaced by order, so a missed night does not stretch
/// the axis.</remarks>
public sealed class TrendPlot : IPlot
{
    /// <summary>Most problems drawn (the first ones in plan order).</summary>
    public const int MaxPanels = 8;

    private const int MaxCommitLabels = 10;

    /// <inheritdoc/>
    public string Name => "trend";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        var analysis = RunSetAnalyses.Trend(set);
        if (analysis.RunSets.Count < 2)
        {
            return [];
        }

        var problems = analysis.Problems.Where(p => p.Series.Count > 0).Take(MaxPanels).ToList();
        if (problems.Count == 0)
        {
            return [];
        }

        int left = analysis.Problems.Count(p => p.Series.Count > 0) - problems.Count;
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Trend",
            $"Per problem, the leader of the latest run set (the headline's) and every setting whose metric stepped by a factor of 2 "
                + $"or more (triangles mark the steps), over the last {analysis.RunSets.Count} run sets of this config, labelled by date "
                + "and git commit. y is the problem's judging quantity: the median final gap (log scale; zero, negative and rounding "
                + "gaps in the grey band at the bottom), the median accuracy where accuracy judges the problem, or, where every median "
                + "reached the target, the median epochs to target."
                + (left > 0 ? $" {left} more problems are not drawn." : string.Empty),
            null);
        var styles = VariantStyles.From(set);
        return [new PlotRequest(file, () => Draw(analysis.RunSets, problems, styles))];
    }

    /// <summary>The panels of <paramref name="problems"/> (also the published site's image fallback).</summary>
    internal static PlotFigure Draw(IReadOnlyList<TrendRunSet> runSets, IReadOnlyList<TrendProblem> problems, VariantStyles styles)
    {
        var figure = PlotFigure.Create(problems.Count);
        for (int p = 0; p < problems.Count; p++)
        {
            var plot = figure.Panels[p];
            var problem = problems[p];
            bool log = problem.Metric == TrendMetric.FinalGap;
            var ys = new List<double>();
            foreach (var series in problem.Series)
            {
                var sameVariant = problem.Series.Where(s => s.Variant == series.Variant).ToList();
                var colour = PanelShades.Shade(styles.ColourOf(series.Variant), sameVariant.IndexOf(series), sameVariant.Count);
                var points = series.Points.Select(pt => (X: (double)pt.RunSet, Y: log ? LogScale.Log10(pt.Value) : pt.Value)).ToList();
                ys.AddRange(points.Select(pt => pt.Y));
                string label = series.Setting + (series.Leader ? " (leader)" : string.Empty);
                if (points.Count == 0)
                {
                    PlotFigure.LegendOnly(plot, label + " (diverged)", colour);
                    continue;
                }

                var line = plot.Add.ScatterLine(points.Select(pt => pt.X).ToArray(), points.Select(pt => pt.Y).ToArray(), colour);
                line.LineWidth = 2;
                line.MarkerSize = 6;
                line.LegendText = label;
                foreach (var step in series.Steps)
                {
                    var marker = plot.Add.Marker(points[step.Index].X, points[step.Index].Y, step.After > step.Before ? MarkerShape.FilledTriangleUp : MarkerShape.FilledTriangleDown, 16, colour);
                    marker.LegendText = string.Empty;
                }
            }

            plot.Title(problem.Problem.Length > 0 ? problem.Problem : "all problems");
            plot.YLabel(problem.Metric switch
            {
                TrendMetric.FinalGap => "median final gap",
                TrendMetric.Accuracy => "median accuracy",
                _ => "median epochs to target",
            });
            if (log)
            {
                LogScale.Apply(plot.Axes.Left);
                double floor = Math.Log10(LogScale.Floor);
                var (low, high) = LogScale.Limits(ys);
                if (ys.Any(y => y <= floor))
                {
                    low = Math.Min(low, floor - 0.5);
                    FloorBand(plot, floor, low, runSets.Count);
                }

                plot.Axes.SetLimitsY(low, high);
            }
            else if (problem.Metric == TrendMetric.Accuracy)
            {
                double low = ys.Count > 0 ? Math.Max(0, ys.Min() - 0.05) : 0;
                plot.Axes.SetLimitsY(low, 1.02);
            }
            else
            {
                plot.Axes.SetLimitsY(0, ys.Count > 0 ? (ys.Max() * 1.1) + 1 : 1);
            }

            plot.Axes.Bottom.TickGenerator = CommitTicks(runSets);
            plot.Axes.SetLimitsX(-0.3, runSets.Count - 0.7);
            plot.XLabel("run set (UTC date, git commit), oldest first");
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    // The band below the floor, labelled inside the image: every gap drawn in it is zero, negative or rounding.
    private static void FloorBand(Plot plot, double floor, double low, int runSets)
    {
        var band = plot.Add.VerticalSpan(low, floor);
        band.FillStyle.Color = Colors.Gray.WithAlpha(0.15);
        band.LineStyle.Width = 0;
        var text = plot.Add.Text("gap <= " + HumanNumber.Format(LogScale.Floor) + ": zero, negative or rounding", runSets - 0.75, floor);
        text.LabelFontSize = 10;
        text.LabelFontColor = Colors.DimGray;
        text.LabelAlignment = Alignment.UpperRight;
    }

    private static NumericManual CommitTicks(IReadOnlyList<TrendRunSet> runSets)
    {
        var ticks = new NumericManual();
        int every = (runSets.Count + MaxCommitLabels - 1) / MaxCommitLabels;
        for (int i = 0; i < runSets.Count; i++)
        {
            if (i % every == 0)
            {
                ticks.AddMajor(i, runSets[i].AxisLabel);
            }
            else
            {
                ticks.AddMinor(i);
            }
        }

        return ticks;
    }
}
