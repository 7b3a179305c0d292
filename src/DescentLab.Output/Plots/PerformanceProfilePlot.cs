using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The Dolan–Moré performance profile: every setting on one axis, ρ(τ) = share of all problems on which its
/// gradient evaluations to target are within τ of the best setting's, log τ axis. Drawn only for two or more problems.</summary>
public sealed class PerformanceProfilePlot : IPlot
{
    /// <inheritdoc/>
    public string Name => "profile";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        var profile = PerformanceProfile.From(set);
        if (profile.Problems.Count < 2)
        {
            return [];
        }

        var (curves, sampled) = VariantFamilies.Sample(profile.Curves, c => c.Setting.Variant);
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Performance profile",
            "Dolan-Moré performance profile: for each variant setting, the share of all " + profile.Problems.Count.ToString(CultureInfo.InvariantCulture)
                + " problems on which its gradient evaluations to the problem's target (target_gap, or target_loss / target_accuracy where L* "
                + "is an infimum; median over seeds) are within a factor tau of the best setting's "
                + "on that problem, against tau (log scale); the value at tau = 1 is the share of problems it won, the right end the share it "
                + "solved. " + (sampled.Length == 0 ? string.Empty : $"Drawn: {sampled}. ") + string.Join(", ", curves.Select(Label)) + ".",
            null);
        var styles = VariantStyles.From(set);
        return [new PlotRequest(file, () => Draw(profile, curves, sampled, styles))];
    }

    private static string Label(ProfileCurve curve) =>
        curve.Setting.Label + string.Create(CultureInfo.InvariantCulture, $" (best {curve.ShareBest:0.##}, solved {curve.ShareSolved:0.##})");

    private static PlotFigure Draw(PerformanceProfile profile, IReadOnlyList<ProfileCurve> curves, string sampled, VariantStyles styles)
    {
        var colours = PanelShades.Of(curves, c => c.Setting, styles);
        double worst = curves.SelectMany(c => c.Ratios).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double right = Math.Max(1, Math.Log10(worst) + 0.3);
        var figure = PlotFigure.Create(1);
        var plot = figure.Panels[0];
        foreach (var curve in curves)
        {
            var (xs, ys) = StepCurve.Of(curve.Ratios.Where(double.IsFinite).Select(Math.Log10).ToList(), curve.Problems, 0, right);
            var line = plot.Add.ScatterLine(xs, ys, colours[curve]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LinePattern = PanelShades.PatternOf(curve.Setting.Variant, styles);
            line.LegendText = Label(curve);
        }

        plot.Title("Performance profile over " + profile.Problems.Count.ToString(CultureInfo.InvariantCulture) + " problems (cost: gradient evaluations to target)"
            + (sampled.Length == 0 ? string.Empty : $" [{sampled}]"));
        plot.XLabel("tau = cost / best cost on the problem (log scale)");
        plot.YLabel("share of all problems within tau");
        LogScale.Apply(plot.Axes.Bottom);
        plot.Axes.SetLimits(-0.02 * right, right, -0.03, 1.03);
        PlotFigure.LegendBelow(plot);
        return figure;
    }
}
