using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>COCO-style runtime ECDF: for each iterative setting, the share of (problem, seed, gap target) trials solved
/// within a budget, over the targets 1e-1 … 1e-8 and every problem and seed of the run set; one panel per variant family.
/// The budget is normalised as COCO normalises by dimension: in epochs (gradient evaluations / n) from one epoch, when
/// every run shares one n. Settings that solve in one update (closed_form) are a labelled reference line.</summary>
public sealed class EcdfPlot : IPlot
{
    /// <inheritdoc/>
    public string Name => "ecdf";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        if (set.Rows.Count == 0 || set.Curves.Count == 0)
        {
            return [];
        }

        var ecdf = RuntimeEcdf.From(set, RuntimeEcdf.DefaultTargets);
        var onePass = OnePassSettings.Of(set);
        var iterative = ecdf.Curves.Where(c => !onePass.Contains(c.Setting)).ToList();
        var references = ecdf.Curves.Where(c => onePass.Contains(c.Setting)).ToList();
        var styles = VariantStyles.From(set);
        var panels = VariantFamilies.Panels(iterative, c => c.Setting.Variant, styles);
        var budget = Budget.Of(set);
        string targets = $"{HumanNumber.Format(ecdf.Targets[0])} to {HumanNumber.Format(ecdf.Targets[^1])}";
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Runtime distribution (ECDF)",
            "Empirical cumulative distribution of runtimes, COCO style, one panel per variant family: for each iterative setting, the share of all "
                + ecdf.Trials.ToString(CultureInfo.InvariantCulture) + $" trials (problem, seed and gap target {targets}) it solved within "
                + $"a budget of {budget.Words} (log scale, from {budget.Start}); a setting that skipped a problem counts it unsolved. "
                + (references.Count == 0 ? string.Empty : "Dashed reference lines: " + string.Join(", ", references.Select(ReferenceLabel)) + ". ")
                + PlotText.DescribePanels(panels, Label) + ".",
            null);
        var palette = SettingPalette.From(set);
        return [new PlotRequest(file, () => Draw(ecdf, panels, references, budget, targets, palette))];
    }

    private static string Label(EcdfCurve curve) => curve.Setting.Label + $" ({HumanNumber.Share(curve.ShareSolved)})";

    private static string ReferenceLabel(EcdfCurve curve) =>
        $"{curve.Setting.Label}: one update, solves {HumanNumber.Share(curve.ShareSolved)} of the trials";

    private static PlotFigure Draw(RuntimeEcdf ecdf, IReadOnlyList<Panel<EcdfCurve>> panels, IReadOnlyList<EcdfCurve> references, Budget budget, string targets, SettingPalette palette)
    {
        var all = ecdf.Curves.SelectMany(c => c.Runtimes).Select(budget.Log).ToList();
        double right = Math.Max(1, all.DefaultIfEmpty(0).Max() + 0.2);
        var figure = PlotFigure.Create(Math.Max(1, panels.Count));
        for (int p = 0; p < figure.Panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var reference in references)
            {
                ReferenceLine.Add(plot, 0, right, reference.ShareSolved, palette.ColourOf(reference.Setting), LinePattern.Dashed, ReferenceLabel(reference));
            }

            foreach (var curve in p < panels.Count ? panels[p].Items : [])
            {
                var (xs, ys) = StepCurve.Of(curve.Runtimes.Select(budget.Log).ToList(), curve.Trials, 0, right);
                var line = plot.Add.ScatterLine(xs, ys, palette.ColourOf(curve.Setting));
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 2;
                line.LegendText = Label(curve);
                SettingMarks.Add(plot, line, xs, ys, palette.MarkerOf(curve.Setting));
            }

            // The panel says which family; the caption and axis labels say the rest, so titles fit half the width.
            plot.Title(p < panels.Count ? panels[p].Title : "runtime ECDF");
            plot.XLabel(budget.Label);
            plot.YLabel($"share of trials solved (targets {targets})");
            LogScale.Apply(plot.Axes.Bottom);
            plot.Axes.SetLimits(-0.02 * right, right, -0.03, 1.03);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>The budget axis: epochs when every run has the same n, else gradient evaluations in units of the
    /// smallest n; either way log10 of it, so the axis starts at 0 (one epoch).</summary>
    /// <param name="Unit">Gradient evaluations per unit of budget.</param>
    /// <param name="Words">The budget, for the alt text.</param>
    /// <param name="Label">The axis label.</param>
    /// <param name="Start">Where the axis starts, for the alt text.</param>
    private sealed record Budget(double Unit, string Words, string Label, string Start)
    {
        public static Budget Of(RunSet set)
        {
            var sizes = set.Rows.Select(r => r.N).Distinct().ToList();
            int n = Math.Max(1, sizes.Min());
            return sizes.Count == 1
                ? new(n, "epochs (per-sample gradient evaluations / n)", "budget in epochs (gradient evaluations / n, log scale)", "one epoch; a trial solved within its first epoch counts at one")
                : new(n, $"per-sample gradient evaluations / {n} (the smallest n)", $"budget in gradient evaluations / {n} (the smallest n; log scale)", "one epoch of the smallest dataset");
        }

        /// <summary>log10 of a runtime in budget units, at least 0: a trial solved within the first unit counts at one.</summary>
        public double Log(long evals) => Math.Max(0, Math.Log10(evals / Unit));
    }
}
