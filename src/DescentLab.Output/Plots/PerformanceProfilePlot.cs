using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The Dolan–Moré performance profile of the iterative settings: ρ(τ) = share of all problems on which a
/// setting's gradient evaluations to target are within τ of the best iterative setting's, log τ axis from τ = 1, one panel
/// per variant family. Settings that solve in one update (closed_form) are a labelled reference line at the share of
/// problems they solve. Drawn only for two or more problems.</summary>
public sealed class PerformanceProfilePlot : IPlot
{
    /// <inheritdoc/>
    public string Name => "profile";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        var boards = RunSetAnalyses.Boards(set);
        if (boards.Count < 2)
        {
            return [];
        }

        var onePass = OnePassSettings.Of(set);
        var profile = PerformanceProfile.From([.. boards.Select(b => b with { Entries = [.. b.Entries.Where(e => !onePass.Contains(e.Setting))] })]);
        var references = PerformanceProfile.From(boards).Curves.Where(c => onePass.Contains(c.Setting)).ToList();
        var styles = VariantStyles.From(set);
        var panels = VariantFamilies.Panels(profile.Curves, c => c.Setting.Variant, styles);
        string problems = profile.Problems.Count.ToString(CultureInfo.InvariantCulture);
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Performance profile",
            "Dolan-Moré performance profile of the iterative settings, one panel per variant family: for each setting, the share of all " + problems
                + " problems on which its gradient evaluations to the problem's target (target_gap, or target_loss / target_accuracy where L* "
                + "is an infimum; median over seeds) are within a factor tau of the best iterative setting's on that problem, against tau "
                + "(log scale, from 1); the value at tau = 1 is the share of problems it won, the right end the share it solved. "
                + (references.Count == 0 ? string.Empty : "Dashed reference lines: " + string.Join(", ", references.Select(ReferenceLabel)) + ". ")
                + PlotText.DescribePanels(panels, Label) + ".",
            null);
        var palette = SettingPalette.From(set);
        return [new PlotRequest(file, () => Draw(profile, panels, references, palette))];
    }

    private static string Label(ProfileCurve curve) =>
        curve.Setting.Label + $" (best {HumanNumber.Share(curve.ShareBest)}, solved {HumanNumber.Share(curve.ShareSolved)})";

    private static string ReferenceLabel(ProfileCurve curve) =>
        $"{curve.Setting.Label}: one update, solves {HumanNumber.Share(curve.ShareSolved)} of the problems";

    private static PlotFigure Draw(PerformanceProfile profile, IReadOnlyList<Panel<ProfileCurve>> panels, IReadOnlyList<ProfileCurve> references, SettingPalette palette)
    {
        double worst = profile.Curves.SelectMany(c => c.Ratios).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double right = Math.Max(1, Math.Log10(worst) + 0.3);
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
                var (xs, ys) = StepCurve.Of(curve.Ratios.Where(double.IsFinite).Select(Math.Log10).ToList(), curve.Problems, 0, right);
                var line = plot.Add.ScatterLine(xs, ys, palette.ColourOf(curve.Setting));
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 2;
                line.LegendText = Label(curve);
                SettingMarks.Add(plot, line, xs, ys, palette.MarkerOf(curve.Setting));
            }

            // The panel says which family; the caption and axis labels say the rest, so titles fit half the width.
            plot.Title(p < panels.Count ? panels[p].Title : "performance profile");
            plot.XLabel("tau = grad evals to target / best iterative setting's (log scale)");
            plot.YLabel("share of the " + profile.Problems.Count.ToString(CultureInfo.InvariantCulture) + " problems within tau");
            LogScale.Apply(plot.Axes.Bottom);
            plot.Axes.SetLimits(-0.02 * right, right, -0.03, 1.03);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }
}
