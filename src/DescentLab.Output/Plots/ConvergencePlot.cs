using System.Globalization;
using DescentLab.Core.Metrics;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Scheduling;
using DescentLab.Experiments.Text;
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
        ProblemContext.All(set).SelectMany(context => Requests(set, context)).ToList();

    /// <summary>One figure of the measure that judges the problem; a problem judged by accuracy gets its accuracy figure
    /// first and the loss (or gap) figure after it, <c>convergence-&lt;problem&gt;-loss.png</c>.</summary>
    private IEnumerable<PlotRequest> Requests(RunSet set, ProblemContext context)
    {
        var settings = context.Runs.Settings;
        var panels = VariantFamilies.Panels(settings, s => s.Setting.Variant, context.Styles);
        int seeds = settings.Max(s => s.Rows.Count);
        var axis = ReportSections.ConfigOf(set).X;
        var judging = Judging.Of(set, context);
        string slug = context.Problem.Slug;
        if (judging.ByAccuracy)
        {
            var file = new PlotFile(
                PlotText.PathOf($"{Name}-{slug}"),
                $"Convergence (accuracy): {context.Problem.Label}",
                $"Accuracy against {AxisWords(axis)} on {context.Problem.Label}: median over {PlotText.Seeds(seeds)} with a min-max "
                    + $"band, one panel per variant family; the dashed {(judging.Accuracies.Count == 1 ? "line is" : "lines are")} "
                    + $"{string.Join(", ", judging.Accuracies.Select(a => a.Label))}, the target that decides. "
                    + $"{PlotText.DescribePanels(panels, ProblemContext.Label)}.",
                context.Problem);
            yield return new PlotRequest(file, () => Draw(set, context, panels, axis, judging, CurveMeasure.Accuracy));
        }

        var measure = judging.Loss ? CurveMeasure.Loss : CurveMeasure.Gap;
        string what = judging.Loss ? "Loss (log scale)" : "Gap to the optimum (loss minus L*, log scale)";
        string line = judging.Level is null ? "no target is drawn" : $"the dashed line is {judging.LevelLabel}";
        string note = judging.Note is null ? string.Empty : $" {judging.Note}.";
        var lossFile = new PlotFile(
            PlotText.PathOf(judging.ByAccuracy ? $"{Name}-{slug}-loss" : $"{Name}-{slug}"),
            $"Convergence{(judging.ByAccuracy ? judging.Loss ? " (loss)" : " (gap)" : string.Empty)}: {context.Problem.Label}",
            $"{what} against {AxisWords(axis)} on {context.Problem.Label}: median over {PlotText.Seeds(seeds)} "
                + $"with a min-max band, one panel per variant family; {line}, and values at or below {HumanNumber.Format(LogScale.Floor)} (double rounding) "
                + $"lie on a dotted, labelled floor.{note} {PlotText.DescribePanels(panels, ProblemContext.Label)}.",
            context.Problem);
        yield return new PlotRequest(lossFile, () => Draw(set, context, panels, axis, judging, measure));
    }

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels, ConvergenceAxis axis, Judging judging, CurveMeasure measure)
    {
        bool accuracy = measure == CurveMeasure.Accuracy;
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var bands = Bands(set, [.. panels.SelectMany(p => p.Items).Distinct()], axis, measure);
        Func<double, double> y = accuracy ? v => v : LogScale.Log10;
        var (bottom, top) = accuracy ? AccuracyRange(bands.Values, judging.Accuracies.Select(a => a.Value)) : YRange(bands.Values, judging.Level);
        // Wall times of small runs are fractions of a millisecond: the data decides the range, not a minimum of 1.
        double xMax = bands.Values.OfType<CurveBand>().Select(b => b.X[^1]).DefaultIfEmpty(1).Max();
        xMax = xMax > 0 && double.IsFinite(xMax) ? xMax : 1;
        bool atFloor = !accuracy && bands.Values.OfType<CurveBand>().Any(b => b.Low.Any(v => v <= LogScale.Floor));
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            if (accuracy)
            {
                foreach (var target in judging.Accuracies)
                {
                    ReferenceLine.Add(plot, xMax, target.Value, Colors.Black.WithAlpha(0.65), LinePattern.Dashed, target.Label);
                }
            }
            else
            {
                AddReferenceLines(plot, xMax, judging, atFloor);
            }

            foreach (var settingRuns in panels[p].Items)
            {
                if (bands[settingRuns] is { } band)
                {
                    AddBand(plot, band, colours[settingRuns], y);
                }
            }

            foreach (var settingRuns in panels[p].Items)
            {
                AddMedian(plot, bands[settingRuns], colours[settingRuns], context.Palette.MarkerOf(settingRuns.Setting), ProblemContext.Label(settingRuns), y);
            }

            plot.Title(panels[p].FigureTitle(context.Problem.Label));
            plot.XLabel(AxisLabel(axis));
            plot.YLabel(accuracy ? "accuracy" : judging.Loss ? "loss (L* is an infimum)" : "gap = loss - L*");
            if (!accuracy)
            {
                LogScale.Apply(plot.Axes.Left);
            }

            plot.Axes.SetLimitsX(-0.02 * xMax, 1.02 * xMax);
            plot.Axes.SetLimitsY(bottom, top);
            if (!accuracy && judging.Note is { } note)
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

    /// <summary>The band of each drawn setting (a sweep's panels keep an even sample of its settings, and the axes fit what
    /// is drawn). Reading every seed's curve is most of a figure's work, so settings are read as many at once as the run
    /// set's parallelism: one large figure does not keep the other workers idle.</summary>
    private static Dictionary<SettingRuns, CurveBand?> Bands(RunSet set, IReadOnlyList<SettingRuns> drawn, ConvergenceAxis axis, CurveMeasure measure)
    {
        try
        {
            var bands = new CurveBand?[drawn.Count];
            OneAtATime.For(
                drawn.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, set.Manifest.Parallel) },
                i => bands[i] = CurveBand.Build(drawn[i], set.Curves, axis, measure)?.Decimated(MaxPointsPerLine));
            var bySetting = new Dictionary<SettingRuns, CurveBand?>(drawn.Count);
            for (int i = 0; i < drawn.Count; i++)
            {
                bySetting.Add(drawn[i], bands[i]);
            }

            return bySetting;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // The figure's error names what failed, as it would without the parallel read.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            throw;
        }
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
    /// <param name="Note">The judging targets the loss or gap figure cannot draw, or null.</param>
    /// <param name="Accuracies">The target_accuracy of the problem's instances, one per distinct value (empty when no
    /// accuracy target applies).</param>
    internal sealed record Judging(bool Loss, double? Level, string LevelLabel, string? Note, IReadOnlyList<AccuracyTarget> Accuracies)
    {
        /// <summary>How a note starts.</summary>
        public const string Lead = "L* is an infimum: ";

        /// <summary>An accuracy target decides: the problem gets an accuracy figure.</summary>
        public bool ByAccuracy => Accuracies.Count > 0;

        /// <summary>The judging of <paramref name="context"/>'s problem from its runs and the manifest's targets.</summary>
        public static Judging Of(RunSet set, ProblemContext context)
        {
            var rows = context.Runs.Settings.SelectMany(s => s.Rows).ToList();
            var judgment = ProblemJudgment.Of(rows);
            double? gap = set.Manifest.ResolvedConfig.Stop.TargetGap is double g && g > 0 ? g : null;
            var accuracies = judgment.HasAccuracy ? AccuracyTargets(set, rows) : [];
            if (!judgment.ByLoss)
            {
                return new(false, gap, gap is null ? string.Empty : "target_gap " + HumanNumber.Format(gap.Value), null, accuracies);
            }

            var instances = rows.Where(r => r.OptimumKind == ReferenceKind.Infimum).Select(r => (r.DatasetKey, r.Model, r.Loss)).ToHashSet();
            var targets = set.Manifest.Problems
                .Where(p => instances.Contains((p.DatasetKey, p.Model, p.Loss)))
                .Select(p => ConvergenceTargets.Parse(p.Targets))
                .ToList();
            var losses = targets.OfType<ConvergenceTargets>().Select(t => t.Loss).Where(v => !double.IsNaN(v)).Distinct().Order().ToList();
            var notes = new List<string>();
            double? level = losses.Count == 1 && losses[0] > 0 ? losses[0] : null;
            if (losses.Count > 1)
            {
                notes.Add("target_loss differs by seed: " + List(losses) + ", not drawn");
            }

            if (accuracies.Count > 0)
            {
                notes.Add("judged by target_accuracy " + List(accuracies.Select(a => a.Value)) + ", drawn in the accuracy figure");
            }

            if (judgment.ByGap && gap is not null)
            {
                notes.Add("seeds with a finite L*: target_gap " + HumanNumber.Format(gap.Value) + ", not drawn");
            }

            if (losses.Count == 0 && accuracies.Count == 0 && targets.All(t => t is not null))
            {
                notes.Add("no target: an infimum cannot be reached");
            }

            string? note = notes.Count == 0 ? null : Lead + string.Join("; ", notes);
            return new(true, level, level is null ? string.Empty : "target_loss " + HumanNumber.Format(level.Value), note, accuracies);
        }

        /// <summary>The distinct target_accuracy values of the instances <paramref name="rows"/> ran on, each labelled with
        /// the seeds it applies to when they differ (an infimum's default is the accuracy of its own reference).</summary>
        private static List<AccuracyTarget> AccuracyTargets(RunSet set, List<SummaryRow> rows)
        {
            var seeds = rows.GroupBy(r => (r.DatasetKey, r.Model, r.Loss)).ToDictionary(g => g.Key, g => g.First().Seed);
            var byValue = set.Manifest.Problems
                .Where(p => seeds.ContainsKey((p.DatasetKey, p.Model, p.Loss)))
                .Select(p => (Target: ConvergenceTargets.Parse(p.Targets), Seed: seeds[(p.DatasetKey, p.Model, p.Loss)]))
                .Where(t => t.Target is { } target && !double.IsNaN(target.Accuracy))
                .GroupBy(t => t.Target!.Accuracy)
                .OrderBy(g => g.Key)
                .ToList();
            return byValue.Select(g => new AccuracyTarget(g.Key, "target_accuracy " + HumanNumber.Format(g.Key) + (byValue.Count == 1
                ? string.Empty
                : (g.Count() == 1 ? " (seed " : " (seeds ") + string.Join(", ", g.Select(t => t.Seed).Order().Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")"))).ToList();
        }

        private static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => HumanNumber.Format(v)));
    }

    /// <summary>An accuracy target and its label, e.g. <c>target_accuracy 0.86 (seeds 1, 4)</c>.</summary>
    internal sealed record AccuracyTarget(double Value, string Label);

    /// <summary>The target and the rounding floor as labelled lines, added first so the runs draw over them.</summary>
    private static void AddReferenceLines(Plot plot, double xMax, Judging judging, bool atFloor)
    {
        if (judging.Level is double level)
        {
            ReferenceLine.Add(plot, xMax, Math.Log10(level), Colors.Black.WithAlpha(0.65), LinePattern.Dashed, judging.LevelLabel);
        }

        if (atFloor)
        {
            string floor = HumanNumber.Format(LogScale.Floor);
            ReferenceLine.Add(plot, xMax, Math.Log10(LogScale.Floor), Colors.Gray, LinePattern.Dotted, judging.Loss ? $"rounding floor: loss <= {floor}" : $"rounding floor: gap <= {floor} or negative");
        }
    }

    private static void AddBand(Plot plot, CurveBand band, Color colour, Func<double, double> y)
    {
        if (band.Low.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(band.X[..band.Low.Length], band.Low.Select(y).ToArray(), band.High.Select(y).ToArray());
        fill.FillColor = colour.WithAlpha(0.13);
        fill.LineWidth = 0;
    }

    private static void AddMedian(Plot plot, CurveBand? band, Color colour, MarkerShape marker, string label, Func<double, double> y)
    {
        if (band is null || band.Median.Length == 0)
        {
            PlotFigure.LegendOnly(plot, label, colour);
            return;
        }

        var xs = band.X[..band.Median.Length];
        var ys = band.Median.Select(y).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, colour);
        line.LineWidth = 2;
        line.LegendText = label;
        SettingMarks.Add(plot, line, xs, ys, marker);
    }

    /// <summary>Accuracy axis: from just under the lowest value or target to 1, so targets and the ceiling show.</summary>
    private static (double Bottom, double Top) AccuracyRange(IEnumerable<CurveBand?> bands, IEnumerable<double> targets)
    {
        double low = bands.OfType<CurveBand>().SelectMany(b => b.Low.Concat(b.Median)).Concat(targets).Where(double.IsFinite).DefaultIfEmpty(0).Min();
        double pad = Math.Max(0.01, 0.05 * (1 - low));
        return (Math.Max(0, low - pad), 1 + pad);
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
