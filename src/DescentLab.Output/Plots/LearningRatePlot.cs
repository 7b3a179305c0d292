using System.Globalization;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
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
                g.OrderBy(s => s.Setting.Lr).Select(s => (s.Setting.Lr!.Value, MedianFinal(s.Rows, loss))).ToList()))
            .ToList();

    /// <summary>Median final gap (or loss) with a diverged or failed run counted as +∞: its last value says nothing about the lr.</summary>
    private static double MedianFinal(IReadOnlyList<SummaryRow> rows, bool loss) =>
        Median.Of(rows.Select(r => r.Status is RunStatus.Diverged or RunStatus.Failed ? double.PositiveInfinity : loss ? r.FinalLoss : r.FinalGap));

    private static PlotFigure Draw(ProblemContext context, List<Sweep> sweeps, IReadOnlyList<Panel<Sweep>> panels, bool loss)
    {
        var colours = PanelShades.Of(sweeps, s => s.Setting, context.Styles);
        var (bottom, top) = LogScale.Limits(sweeps.SelectMany(s => s.Points).Select(p => LogScale.Log10(p.Gap)).ToList());
        top += 0.5;
        double[] lrs = sweeps.SelectMany(s => s.Points).Select(p => Math.Log10(p.Lr)).ToArray();
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var sweep in panels[p].Items)
            {
                var points = sweep.Points.Where(q => double.IsFinite(q.Gap)).ToArray();
                var diverged = sweep.Points.Where(q => !double.IsFinite(q.Gap)).ToArray();
                string label = sweep.Label + (diverged.Length == 0 ? string.Empty : " (x: diverged)");
                var line = plot.Add.ScatterLine(points.Select(q => Math.Log10(q.Lr)).ToArray(), points.Select(q => LogScale.Log10(q.Gap)).ToArray(), colours[sweep]);
                line.LineWidth = 2;
                line.MarkerSize = 7;
                line.LegendText = label;
                foreach (var (lr, _) in diverged)
                {
                    var cross = plot.Add.Marker(Math.Log10(lr), top - 0.25, MarkerShape.Eks, 14, colours[sweep]);
                    cross.MarkerLineWidth = 2.5f;
                }
            }

            plot.Title($"{panels[p].Title}: {context.Problem.Label}");
            plot.XLabel("learning rate");
            plot.YLabel(loss ? "median final loss (L* is an infimum)" : "median final gap");
            LogScale.Apply(plot.Axes.Bottom);
            LogScale.Apply(plot.Axes.Left);
            plot.Axes.SetLimits(lrs.Min() - 0.3, lrs.Max() + 0.3, bottom, top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>One setting's learning rates and median final gaps (or losses), ascending in lr.</summary>
    private sealed record Sweep(VariantSetting Setting, IReadOnlyList<(double Lr, double Gap)> Points)
    {
        /// <summary>The setting and its learning rates; a long sweep as its range and count, so a legend stays short.</summary>
        public string Label => Setting.Label + " lr=" + (Points.Count <= VariantFamilies.MaxSettingsPerVariant
            ? string.Join(",", Points.Select(p => Lr(p.Lr)))
            : string.Create(CultureInfo.InvariantCulture, $"{Lr(Points[0].Lr)}..{Lr(Points[^1].Lr)} ({Points.Count} values)"));

        private static string Lr(double lr) => lr.ToString("R", CultureInfo.InvariantCulture);
    }
}
