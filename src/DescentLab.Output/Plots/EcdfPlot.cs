using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>COCO-style runtime ECDF: for each setting, the share of (problem, seed, gap target) trials solved within a
/// budget of gradient evaluations, over the targets 1e-1 … 1e-8 and every problem and seed of the run set.</summary>
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
        var (curves, sampled) = VariantFamilies.Sample(ecdf.Curves, c => c.Setting.Variant);
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Runtime distribution (ECDF)",
            "Empirical cumulative distribution of runtimes, COCO style: for each variant setting, the share of all "
                + ecdf.Trials.ToString(CultureInfo.InvariantCulture) + " trials (problem, seed and gap target 1e-1 to 1e-8) it solved within "
                + "a budget of per-sample gradient evaluations (log scale); a setting that skipped a problem counts it unsolved. "
                + (sampled.Length == 0 ? string.Empty : $"Drawn: {sampled}. ")
                + string.Join(", ", curves.Select(Label)) + ".",
            null);
        var styles = VariantStyles.From(set);
        return [new PlotRequest(file, () => Draw(curves, sampled, styles))];
    }

    private static string Label(EcdfCurve curve) =>
        curve.Setting.Label + string.Create(CultureInfo.InvariantCulture, $" ({curve.ShareSolved:0.##})");

    private static PlotFigure Draw(IReadOnlyList<EcdfCurve> curves, string sampled, VariantStyles styles)
    {
        var colours = PanelShades.Of(curves, c => c.Setting, styles);
        var all = curves.SelectMany(c => c.Runtimes).Select(Log).ToList();
        double left = all.Count > 0 ? Math.Floor(all.Min()) : 0;
        double right = all.Count > 0 ? Math.Max(left + 1, all.Max() + 0.2) : 1;
        var figure = PlotFigure.Create(1);
        var plot = figure.Panels[0];
        foreach (var curve in curves)
        {
            var (xs, ys) = StepCurve.Of(curve.Runtimes.Select(Log).ToList(), curve.Trials, left, right);
            var line = plot.Add.ScatterLine(xs, ys, colours[curve]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LinePattern = PanelShades.PatternOf(curve.Setting.Variant, styles);
            line.LegendText = Label(curve);
        }

        plot.Title("Runtime ECDF over targets 1e-1 ... 1e-8, all problems and seeds" + (sampled.Length == 0 ? string.Empty : $" [{sampled}]"));
        plot.XLabel("gradient evaluations (per sample, log scale)");
        plot.YLabel("share of (problem, seed, target) solved");
        LogScale.Apply(plot.Axes.Bottom);
        plot.Axes.SetLimits(left, right, -0.03, 1.03);
        PlotFigure.LegendBelow(plot);
        return figure;
    }

    /// <summary>log10 of a budget; 0 evaluations (the start already met the target) drawn at 1.</summary>
    private static double Log(long evals) => Math.Log10(Math.Max(1, evals));
}
