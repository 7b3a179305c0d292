using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Gap against epoch per problem, log scale: median over seeds with a light min–max band, one panel per variant family.</summary>
public sealed class ConvergencePlot : IPlot
{
    /// <summary>How far above the highest starting gap the axis reaches; a diverging line is clipped there.</summary>
    private const double DecadesAboveStart = 3;

    /// <summary>Points per median line and band after decimation: enough for a 1000 px figure, and a step-recorded
    /// SGD curve of 10 000 rows becomes an envelope instead of a solid block.</summary>
    private const int MaxPointsPerLine = 400;

    /// <inheritdoc/>
    public string Name => "convergence";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set).Select(context => Request(set, context)).ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var settings = context.Runs.Settings;
        var panels = VariantFamilies.Panels(settings, s => s.Setting.Variant, context.Styles);
        int seeds = settings.Max(s => s.Rows.Count);
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Convergence: {context.Problem.Label}",
            $"Gap to the optimum (loss minus L*, log scale) against epoch on {context.Problem.Label}: median over {PlotText.Seeds(seeds)} "
                + $"with a min-max band, one panel per variant family; the dashed line is target_gap, and gaps at or below 1e-16 (double rounding) "
                + $"lie on a dotted floor. {PlotText.DescribePanels(panels, ProblemContext.Label)}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(set, context, panels));
    }

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels)
    {
        var colours = PanelShades.Of(context.Runs.Settings, s => s.Setting, context.Styles);
        var bands = context.Runs.Settings.ToDictionary(s => s, s => CurveBand.Build(s, set.Curves)?.Decimated(MaxPointsPerLine));
        double? target = set.Manifest.ResolvedConfig.Stop.TargetGap;
        var (bottom, top) = YRange(bands.Values, target);
        double xMax = Math.Max(1, bands.Values.OfType<CurveBand>().Select(b => b.X[^1]).DefaultIfEmpty(1).Max());
        bool atFloor = bands.Values.OfType<CurveBand>().Any(b => b.Low.Any(v => v <= LogScale.Floor));
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            AddReferenceLines(plot, xMax, target, atFloor);
            foreach (var settingRuns in panels[p].Items)
            {
                if (bands[settingRuns] is { } band)
                {
                    AddBand(plot, band, colours[settingRuns]);
                }
            }

            foreach (var settingRuns in panels[p].Items)
            {
                AddMedian(plot, bands[settingRuns], colours[settingRuns], ProblemContext.Label(settingRuns));
            }

            plot.Title($"{panels[p].Title}: {context.Problem.Label}");
            plot.XLabel("epoch");
            plot.YLabel("gap = loss - L*");
            LogScale.Apply(plot.Axes.Left);
            plot.Axes.SetLimitsX(-0.02 * xMax, 1.02 * xMax);
            plot.Axes.SetLimitsY(bottom, top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>The target and the rounding floor as labelled lines, added first so the runs draw over them (ScottPlot's
    /// axis lines render last, over the data, so these are plain two-point lines).</summary>
    private static void AddReferenceLines(Plot plot, double xMax, double? target, bool atFloor)
    {
        if (target is double gap && gap > 0)
        {
            AddLevel(plot, xMax, Math.Log10(gap), Colors.Black.WithAlpha(0.65), LinePattern.Dashed, "target_gap " + DecadeTicks.Label(gap));
        }

        if (atFloor)
        {
            AddLevel(plot, xMax, Math.Log10(LogScale.Floor), Colors.Gray, LinePattern.Dotted, "rounding floor: gap <= 1e-16 or negative");
        }
    }

    private static void AddLevel(Plot plot, double xMax, double y, Color colour, LinePattern pattern, string label)
    {
        var line = plot.Add.ScatterLine(new[] { 0, xMax }, new[] { y, y }, colour);
        line.LineWidth = 1.5f;
        line.LinePattern = pattern;
        var text = plot.Add.Text(label, xMax, y);
        text.LabelFontSize = 10;
        text.LabelFontColor = colour.WithAlpha(1);
        text.LabelAlignment = Alignment.LowerRight;
    }

    private static void AddBand(Plot plot, CurveBand band, Color colour)
    {
        if (band.Low.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(band.X[..band.Low.Length], band.Low.Select(LogScale.Log10).ToArray(), band.High.Select(LogScale.Log10).ToArray());
        fill.FillColor = colour.WithAlpha(0.13);
        fill.LineWidth = 0;
    }

    private static void AddMedian(Plot plot, CurveBand? band, Color colour, string label)
    {
        if (band is null || band.Median.Length == 0)
        {
            PlotFigure.LegendOnly(plot, label, colour);
            return;
        }

        var line = plot.Add.ScatterLine(band.X[..band.Median.Length], band.Median.Select(LogScale.Log10).ToArray(), colour);
        line.LineWidth = 2;
        line.LegendText = label;
        if (band.Median.Length == 1)
        {
            line.MarkerSize = 6;
        }
    }

    /// <summary>One y range for every panel of a problem, so panels compare at a glance.</summary>
    private static (double Bottom, double Top) YRange(IEnumerable<CurveBand?> bands, double? target)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        double start = double.NegativeInfinity;
        foreach (var band in bands.OfType<CurveBand>())
        {
            foreach (double v in band.Low.Concat(band.Median))
            {
                low = Math.Min(low, LogScale.Log10(v));
            }

            foreach (double v in band.High.Concat(band.Median))
            {
                high = Math.Max(high, LogScale.Log10(v));
            }

            if (band.Median.Length > 0)
            {
                start = Math.Max(start, LogScale.Log10(band.Median[0]));
            }
        }

        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return (-1, 1);
        }

        high = double.IsFinite(start) ? Math.Min(high, start + DecadesAboveStart) : high;
        if (target is double gap && gap > 0)
        {
            low = Math.Min(low, Math.Log10(gap));
        }

        double pad = Math.Max(0.25, 0.04 * (high - low));
        return (low - pad, high + pad);
    }
}
