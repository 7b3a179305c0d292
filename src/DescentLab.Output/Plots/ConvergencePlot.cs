using System.Globalization;
using DescentLab.Core.Metrics;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Output.Report;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Gap against epoch (or gradient evaluations, or wall time: <c>report.x</c>) per problem, log scale: median over
/// seeds with a light min–max band, one panel per variant family. A problem with an infimum reference, whose gap measures
/// nothing reachable, is drawn as its loss, with the loss target (if one) as the line and the other judging targets named.</summary>
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
        var axis = ReportSections.ConfigOf(set).X;
        var judging = Judging.Of(set, context);
        string measure = judging.Loss ? "Loss (log scale)" : "Gap to the optimum (loss minus L*, log scale)";
        string line = judging.Level is null ? "no target is drawn" : $"the dashed line is {judging.LevelLabel}";
        string note = judging.Note is null ? string.Empty : $" {judging.Note}.";
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Convergence: {context.Problem.Label}",
            $"{measure} against {AxisWords(axis)} on {context.Problem.Label}: median over {PlotText.Seeds(seeds)} "
                + $"with a min-max band, one panel per variant family; {line}, and values at or below 1e-16 (double rounding) "
                + $"lie on a dotted floor.{note} {PlotText.DescribePanels(panels, ProblemContext.Label)}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(set, context, panels, axis, judging));
    }

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels, ConvergenceAxis axis, Judging judging)
    {
        var colours = PanelShades.Of(context.Runs.Settings, s => s.Setting, context.Styles);
        var bands = context.Runs.Settings.ToDictionary(s => s, s => CurveBand.Build(s, set.Curves, axis, judging.Loss)?.Decimated(MaxPointsPerLine));
        double? target = judging.Level;
        var (bottom, top) = YRange(bands.Values, target);
        // Wall times of small runs are fractions of a millisecond: the data decides the range, not a minimum of 1.
        double xMax = bands.Values.OfType<CurveBand>().Select(b => b.X[^1]).DefaultIfEmpty(1).Max();
        xMax = xMax > 0 && double.IsFinite(xMax) ? xMax : 1;
        bool atFloor = bands.Values.OfType<CurveBand>().Any(b => b.Low.Any(v => v <= LogScale.Floor));
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            AddReferenceLines(plot, xMax, judging, atFloor);
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
            plot.XLabel(AxisLabel(axis));
            plot.YLabel(judging.Loss ? "loss (L* is an infimum)" : "gap = loss - L*");
            LogScale.Apply(plot.Axes.Left);
            plot.Axes.SetLimitsX(-0.02 * xMax, 1.02 * xMax);
            plot.Axes.SetLimitsY(bottom, top);
            if (judging.Note is { } note)
            {
                // One clause per line, so the note fits half the figure's width.
                var text = plot.Add.Annotation(note.Replace(Judging.Lead, Judging.Lead.TrimEnd() + "\n", StringComparison.Ordinal).Replace("; ", "\n", StringComparison.Ordinal), Alignment.UpperRight);
                text.LabelFontSize = 10;
                text.LabelShadowColor = Colors.Transparent;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                text.LabelBorderColor = Colors.Gray;
            }

            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>The x axis label; the wall-time label says how a row's time is made, since curves record none.</summary>
    internal static string AxisLabel(ConvergenceAxis axis) => axis switch
    {
        ConvergenceAxis.GradEvals => "per-sample gradient evaluations",
        ConvergenceAxis.WallMs => "ms (run's wall_ms spread evenly over its grad evals)",
        _ => "epoch",
    };

    private static string AxisWords(ConvergenceAxis axis) => axis switch
    {
        ConvergenceAxis.GradEvals => "per-sample gradient evaluations",
        ConvergenceAxis.WallMs => "wall time in ms (row k of a run at its wall_ms × its gradient evaluations up to row k / its total gradient evaluations; the median over seeds of that time per evaluation)",
        _ => "epoch",
    };

    /// <summary>What judges the problem's runs, as this plot can show it.</summary>
    /// <param name="Loss">Draw the loss, not the gap: some instance's L* is an infimum.</param>
    /// <param name="Level">The target drawn as a line (target_gap on a gap plot, target_loss on a loss plot), or null.</param>
    /// <param name="LevelLabel">Its label.</param>
    /// <param name="Note">The judging targets the plot cannot draw, or null.</param>
    internal sealed record Judging(bool Loss, double? Level, string LevelLabel, string? Note)
    {
        /// <summary>How a note starts.</summary>
        public const string Lead = "L* is an infimum: ";

        /// <summary>The judging of <paramref name="context"/>'s problem from its runs and the manifest's targets.</summary>
        public static Judging Of(RunSet set, ProblemContext context)
        {
            var rows = context.Runs.Settings.SelectMany(s => s.Rows).ToList();
            var judgment = ProblemJudgment.Of(rows);
            double? gap = set.Manifest.ResolvedConfig.Stop.TargetGap is double g && g > 0 ? g : null;
            if (!judgment.ByLoss)
            {
                return new(false, gap, gap is null ? string.Empty : "target_gap " + DecadeTicks.Label(gap.Value), null);
            }

            var instances = rows.Where(r => r.OptimumKind == ReferenceKind.Infimum).Select(r => (r.DatasetKey, r.Model, r.Loss)).ToHashSet();
            var targets = set.Manifest.Problems
                .Where(p => instances.Contains((p.DatasetKey, p.Model, p.Loss)))
                .Select(p => ConvergenceTargets.Parse(p.Targets))
                .ToList();
            var losses = targets.OfType<ConvergenceTargets>().Select(t => t.Loss).Where(v => !double.IsNaN(v)).Distinct().Order().ToList();
            var accuracies = targets.OfType<ConvergenceTargets>().Select(t => t.Accuracy).Where(v => !double.IsNaN(v)).Distinct().Order().ToList();
            var notes = new List<string>();
            double? level = losses.Count == 1 && losses[0] > 0 ? losses[0] : null;
            if (losses.Count > 1)
            {
                notes.Add("target_loss differs by seed: " + List(losses) + ", not drawn");
            }

            if (accuracies.Count > 0)
            {
                notes.Add("judged by target_accuracy " + List(accuracies) + ", not on this axis");
            }

            if (judgment.ByGap && gap is not null)
            {
                notes.Add("seeds with a finite L*: target_gap " + DecadeTicks.Label(gap.Value) + ", not drawn");
            }

            if (losses.Count == 0 && accuracies.Count == 0 && targets.All(t => t is not null))
            {
                notes.Add("no target: an infimum cannot be reached");
            }

            string? note = notes.Count == 0 ? null : Lead + string.Join("; ", notes);
            return new(true, level, level is null ? string.Empty : "target_loss " + DecadeTicks.Label(level.Value), note);
        }

        private static string List(IEnumerable<double> values) =>
            string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>The target and the rounding floor as labelled lines, added first so the runs draw over them (ScottPlot's
    /// axis lines render last, over the data, so these are plain two-point lines).</summary>
    private static void AddReferenceLines(Plot plot, double xMax, Judging judging, bool atFloor)
    {
        if (judging.Level is double level)
        {
            AddLevel(plot, xMax, Math.Log10(level), Colors.Black.WithAlpha(0.65), LinePattern.Dashed, judging.LevelLabel);
        }

        if (atFloor)
        {
            AddLevel(plot, xMax, Math.Log10(LogScale.Floor), Colors.Gray, LinePattern.Dotted, judging.Loss ? "rounding floor: loss <= 1e-16" : "rounding floor: gap <= 1e-16 or negative");
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
