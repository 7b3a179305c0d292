using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Analysis.Tuning;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>Expected best against tuning budget, one figure per problem: for k = 1 … B trials drawn from a variant's B,
/// the expected best judging value (<see cref="BudgetCurve"/>, exact), a light ±1 sd band clipped to the trials' range, one
/// labelled line per variant in its report colour; log y for a gap or loss. All variants share one panel when they fit
/// (<see cref="VariantFamilies.MaxLinesPerPanel"/>), else one panel per family on a shared y range.</summary>
/// <param name="trials">The tuning trials of a run set (none: the plot plans no image).</param>
public sealed class BudgetPlot(Func<RunSet, IReadOnlyList<TrialResult>> trials) : IPlot
{
    /// <summary>The plot's name and file-name prefix.</summary>
    public const string Kind = "budget";

    /// <inheritdoc/>
    public string Name => Kind;

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) => Requests(trials(set), VariantStyles.From(set));

    /// <summary>One image per problem of <paramref name="trials"/>, in order of first appearance, coloured by
    /// <paramref name="styles"/>.</summary>
    public static IReadOnlyList<PlotRequest> Requests(IReadOnlyList<TrialResult> trials, VariantStyles styles)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(styles);
        var requests = new List<PlotRequest>();
        foreach (var problem in TunedComparison.From(trials, []))
        {
            var curves = problem.Curves;
            var bests = problem.Tunability.ToDictionary(t => t.Variant, t => t.Best.Entry.Setting, StringComparer.Ordinal);
            var palette = SettingPalette.Of([.. curves.Select(c => bests[c.Variant])], styles);
            var panels = curves.Count <= VariantFamilies.MaxLinesPerPanel
                ? [new Panel<BudgetCurve>("all variants", curves)]
                : VariantFamilies.Panels(curves, c => c.Variant, styles);
            string score = TrialScore.Name(problem.Judged);
            bool log = !TrialScore.HigherIsBetter(problem.Judged);
            var file = new PlotFile(
                PlotText.PathOf($"{Kind}-{problem.Problem.Slug}"),
                $"Expected best vs budget: {problem.Problem.Label}",
                $"Expected best {score}{(log ? " (log scale)" : string.Empty)} of k trials drawn at random (with replacement) from each "
                    + $"variant's tuning trials on {problem.Problem.Label}, against k, with a band of one standard deviation either side "
                    + $"clipped to the trials' range: {string.Join("; ", curves.Select(Describe))}.",
                problem.Problem);
            requests.Add(new PlotRequest(file, () => Draw(problem.Problem, panels, palette, bests, score, log)));
        }

        return requests;
    }

    /// <summary>A curve's legend label: the variant, its budget and how many trials ended without a finite score.</summary>
    public static string Label(BudgetCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        string trials = string.Create(CultureInfo.InvariantCulture, $"{curve.Trials} trial{(curve.Trials == 1 ? string.Empty : "s")}");
        return curve.NotFinite == 0
            ? $"{curve.Variant} ({trials})"
            : string.Create(CultureInfo.InvariantCulture, $"{curve.Variant} ({trials}, {curve.NotFinite} diverged or failed: counted as the worst finished)");
    }

    private static string Describe(BudgetCurve curve) => curve.Mean.Count == 0
        ? Label(curve) + ", no trial with a finite score"
        : Label(curve) + " from " + HumanNumber.Format(curve.Mean[0]) + " at k = 1 to " + HumanNumber.Format(curve.Mean[^1])
            + string.Create(CultureInfo.InvariantCulture, $" at k = {curve.Trials}");

    private static PlotFigure Draw(
        ProblemKey problem,
        IReadOnlyList<Panel<BudgetCurve>> panels,
        SettingPalette palette,
        IReadOnlyDictionary<string, VariantSetting> bests,
        string score,
        bool log)
    {
        Func<double, double> y = log ? LogScale.Log10 : v => v;
        var drawn = panels.SelectMany(p => p.Items).Where(c => c.Mean.Count > 0).ToList();
        var values = drawn.SelectMany(c => Enumerable.Range(1, c.Trials).SelectMany(k => new[] { c.Band(k).Low, c.Band(k).High })).Select(y).ToList();
        var (bottom, top) = log ? LogScale.Limits(values) : Linear(values);
        int budget = panels.SelectMany(p => p.Items).Select(c => c.Trials).DefaultIfEmpty(1).Max();
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var curve in panels[p].Items.Where(c => c.Mean.Count > 1))
            {
                double[] ks = [.. Enumerable.Range(1, curve.Trials).Select(k => (double)k)];
                var fill = plot.Add.FillY(ks, [.. ks.Select(k => y(curve.Band((int)k).Low))], [.. ks.Select(k => y(curve.Band((int)k).High))]);
                fill.FillColor = palette.ColourOf(bests[curve.Variant]).WithAlpha(0.13);
                fill.LineWidth = 0;
            }

            foreach (var curve in panels[p].Items)
            {
                var setting = bests[curve.Variant];
                if (curve.Mean.Count == 0)
                {
                    PlotFigure.LegendOnly(plot, Label(curve) + ": no finite score", palette.ColourOf(setting));
                    continue;
                }

                double[] xs = [.. Enumerable.Range(1, curve.Trials).Select(k => (double)k)];
                double[] ys = [.. curve.Mean.Select(y)];
                var line = plot.Add.ScatterLine(xs, ys, palette.ColourOf(setting));
                line.LineWidth = 2;
                line.LegendText = Label(curve);
                SettingMarks.Add(plot, line, xs, ys, palette.MarkerOf(setting));
            }

            plot.Title(panels[p].FigureTitle(problem.Label));
            plot.XLabel("trials in the budget (k, drawn from the variant's trials)");
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.YLabel($"expected best {score}");
            if (log)
            {
                LogScale.Apply(plot.Axes.Left);
            }

            plot.Axes.SetLimits(0.5, budget + 0.5, bottom, top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>A linear axis (accuracy) around the values, padded; at least 0.02 wide so a flat curve shows ticks.</summary>
    private static (double Low, double High) Linear(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 1);
        }

        double low = finite.Min();
        double high = finite.Max();
        double pad = Math.Max(0.01, 0.05 * (high - low));
        return (low - pad, high + pad);
    }
}
