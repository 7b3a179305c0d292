using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Median final gap against learning rate, log–log, one line per variant setting whose lr is swept; a learning
/// rate whose median diverged is a cross on the top edge. On a problem with an infimum reference (whose gap measures
/// nothing reachable) the median final loss instead.</summary>
public sealed class LearningRatePlot : IPlot
{
    /// <inheritdoc/>
    public string Name => "lr";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        var requests = new List<PlotRequest>();
        foreach (var context in ProblemContext.All(set))
        {
            bool loss = ProblemJudgment.Of(context.Runs.Settings.SelectMany(s => s.Rows)).ByLoss;
            var sweeps = Sweeps(context.Runs, loss);
            if (sweeps.Count == 0)
            {
                continue;
            }

            var panels = VariantFamilies.Panels(sweeps, s => s.Setting.Variant, context.Styles);
            var file = new PlotFile(
                PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
                $"Learning-rate sensitivity: {context.Problem.Label}",
                $"Median final {(loss ? "loss" : "gap")} (log scale) against learning rate (log scale) on {context.Problem.Label}, one line per swept setting; "
                    + $"crosses on the top edge mark learning rates whose median run diverged. {PlotText.DescribePanels(panels, s => s.Label)}.",
                context.Problem);
            requests.Add(new PlotRequest(file, () => Draw(context, sweeps, panels, loss)));
        }

        return requests;
    }

    /// <summary>Settings that differ only in lr, grouped, where at least two learning rates were run.</summary>
    private static List<Sweep> Sweeps(ProblemRuns runs, bool loss) =>
        runs.Settings
            .Where(s => s.Setting.Lr is not null)
            .GroupBy(s => s.Setting.WithoutLr())
            .Where(g => g.Select(s => s.Setting.Lr).Distinct().Count() >= 2)
            .Select(g => new Sweep(
                g.Key,
                g.First().Setting,
                g.OrderBy(s => s.Setting.Lr).Select(s => (s.Setting.Lr!.Value, MedianFinal(s.Rows, loss))).ToList()))
            .ToList();

    /// <summary>Median final gap (or loss) with a diverged or failed run counted as +∞: its last value says nothing about the lr.</summary>
    private static double MedianFinal(IReadOnlyList<SummaryRow> rows, bool loss) =>
        Median.Of(rows.Select(r => r.Status is RunStatus.Diverged or RunStatus.Failed ? double.PositiveInfinity : loss ? r.FinalLoss : r.FinalGap));

    private static PlotFigure Draw(ProblemContext context, List<Sweep> sweeps, IReadOnlyList<Panel<Sweep>> panels, bool loss)
    {
        var colours = sweeps.ToDictionary(s => s, s => context.Palette.ColourOf(s.First));
        var (bottom, top) = LogScale.Limits(sweeps.SelectMany(s => s.Points).Select(p => LogScale.Log10(p.Gap)).ToList());
        top += 0.5;
        double[] lrs = sweeps.SelectMany(s => s.Points).Select(p => p.Lr).Distinct().Order().ToArray();
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var sweep in panels[p].Items)
            {
                var points = sweep.Points.Where(q => double.IsFinite(q.Gap)).ToArray();
                var diverged = sweep.Points.Where(q => !double.IsFinite(q.Gap)).ToArray();
                string label = sweep.Label + (diverged.Length == 0 ? string.Empty : " (x: diverged)");
                var xs = points.Select(q => Math.Log10(q.Lr)).ToArray();
                var ys = points.Select(q => LogScale.Log10(q.Gap)).ToArray();
                var line = plot.Add.ScatterLine(xs, ys, colours[sweep]);
                line.LineWidth = 2;
                line.LegendText = label;
                SettingMarks.Add(plot, line, xs, ys, context.Palette.MarkerOf(sweep.First));
                foreach (var (lr, _) in diverged)
                {
                    var cross = plot.Add.Marker(Math.Log10(lr), top - 0.25, MarkerShape.Eks, 14, colours[sweep]);
                    cross.MarkerLineWidth = 2.5f;
                }
            }

            plot.Title(panels[p].FigureTitle(context.Problem.Label));
            plot.XLabel("learning rate");
            plot.YLabel(loss ? "median final loss (L* is an infimum)" : "median final gap");
            // The swept values are categories: ticked where they are, written as swept (0.03, not 3e-2).
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(lrs.Select(Math.Log10).ToArray(), lrs.Select(v => HumanNumber.Format(v)).ToArray());
            LogScale.Apply(plot.Axes.Left);
            plot.Axes.SetLimits(Math.Log10(lrs[0]) - 0.3, Math.Log10(lrs[^1]) + 0.3, bottom, top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>One setting's learning rates and median final gaps (or losses), ascending in lr.</summary>
    /// <param name="Setting">The setting without its lr.</param>
    /// <param name="First">Its first swept setting in plan order, whose colour and marker the line takes.</param>
    /// <param name="Points">Learning rate and median final gap (or loss), ascending in lr.</param>
    private sealed record Sweep(VariantSetting Setting, VariantSetting First, IReadOnlyList<(double Lr, double Gap)> Points)
    {
        /// <summary>The setting and its learning rates; a long sweep as its range and count, so a legend stays short.</summary>
        public string Label => Setting.Label + " lr=" + (Points.Count <= VariantFamilies.MaxSettingsPerVariant
            ? string.Join(",", Points.Select(p => Lr(p.Lr)))
            : string.Create(CultureInfo.InvariantCulture, $"{Lr(Points[0].Lr)}..{Lr(Points[^1].Lr)} ({Points.Count} values)"));

        private static string Lr(double lr) => HumanNumber.Format(lr);
    }
}
