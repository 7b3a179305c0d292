using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>Share of problems solved against gradient evaluations (log scale), one step line per variant setting, over
/// every (dataset instance, model) the setting ran on (SPEC §8; COCO's runtime distributions).</summary>
public sealed class PerformanceProfilePlot : IPlot
{
    /// <inheritdoc/>
    public string Name => "profile";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        if (set.Rows.Count == 0)
        {
            return [];
        }

        var profiles = set.Rows
            .GroupBy(VariantSetting.From)
            .Select(g => new Profile(g.Key, g.ToList()))
            .ToList();
        var panels = VariantFamilies.Panels(profiles, p => p.Setting.Variant);
        int problems = set.Rows.Select(r => (r.DatasetKey, r.Model, r.Loss)).Distinct().Count();
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Performance profile",
            "Share of problems (dataset instance, model and loss; " + problems.ToString(CultureInfo.InvariantCulture) + " in all) on which each "
                + "setting reached target_gap, against the per-sample gradient evaluations it had spent (log scale); out of the problems "
                + $"the setting ran on. {PlotText.DescribePanels(panels, p => p.Label)}.",
            null);
        return [new PlotRequest(file, () => Draw(profiles, panels))];
    }

    private static PlotFigure Draw(List<Profile> profiles, IReadOnlyList<Panel<Profile>> panels)
    {
        var colours = VariantPalette.Shades(profiles, p => p.Setting.Variant);
        var reached = profiles.SelectMany(p => p.Evals).ToList();
        double left = reached.Count > 0 ? reached.Min() - 0.3 : 0;
        double right = reached.Count > 0 ? reached.Max() + 0.3 : 1;
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var profile in panels[p].Items)
            {
                var (xs, ys) = profile.Steps(left, right);
                var line = plot.Add.ScatterLine(xs, ys, colours[profile]);
                line.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
                line.LineWidth = 2;
                line.LegendText = profile.Label;
            }

            plot.Title($"{panels[p].Title}: share of problems solved");
            plot.XLabel("gradient evaluations (per sample)");
            plot.YLabel("share reaching target_gap");
            LogScale.Apply(plot.Axes.Bottom);
            plot.Axes.SetLimits(left, right, -0.03, 1.03);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>One setting's runs across problems.</summary>
    private sealed record Profile(VariantSetting Setting, IReadOnlyList<SummaryRow> Rows)
    {
        /// <summary>log10 of the gradient evaluations at which each run reached the target (0 evaluations drawn at 1).</summary>
        public IReadOnlyList<double> Evals { get; } = Rows
            .Where(r => r.GradEvalsToTarget is not null)
            .Select(r => Math.Log10(Math.Max(1, r.GradEvalsToTarget!.Value)))
            .Order()
            .ToList();

        public string Label => string.Create(CultureInfo.InvariantCulture, $"{Setting.Label} ({Evals.Count}/{Rows.Count})") + ProblemContext.Outcome(Rows);

        /// <summary>The step function from <paramref name="left"/> to <paramref name="right"/>.</summary>
        public (double[] X, double[] Y) Steps(double left, double right)
        {
            var xs = new List<double> { left };
            var ys = new List<double> { 0 };
            for (int i = 0; i < Evals.Count; i++)
            {
                xs.Add(Evals[i]);
                ys.Add((i + 1) / (double)Rows.Count);
            }

            xs.Add(right);
            ys.Add(ys[^1]);
            return ([.. xs], [.. ys]);
        }
    }
}
