using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using DescentLab.Output.Report;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The course's "rolling down the bowl": for one-parameter models (origin), the cost J(w) over the first
/// seed's data with each setting's steps marked on the curve: a panel per setting when there are few, else one per
/// variant family.</summary>
public sealed class CostCurvePlot : IPlot
{
    private const int CurvePoints = 300;
    private const int MaxMarks = 40;
    private const int MaxSinglePanels = 8;

    /// <inheritdoc/>
    public string Name => "cost";

    /// <inheritdoc/>
    public bool OnByDefault => false;

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.Dataset is not null && c.Model is { ParameterNames.Count: 1 })
            .Select(c => Request(set, c))
            .ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var settings = context.Runs.Settings;
        var panels = settings.Count <= MaxSinglePanels
            ? settings.Select(s => new Panel<SettingRuns>(context.FirstSeedLabel(s), [s])).ToList()
            : VariantFamilies.Panels(settings, s => s.Setting.Variant, context.Styles);
        string w = context.Model!.ParameterNames[0];
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Cost J({w}) with the descent steps: {context.Problem.Label}",
            $"The cost J({w}) (mean loss over {context.DatasetKey}) as a black curve against {w}, with each setting's first-seed "
                + $"values of {w} after each epoch marked on it (an open circle at the start, a square at the end) and the minimum "
                + $"as a black diamond; at most {MaxMarks} values per run are marked (the first ones, then evenly spread). {Chosen(set, w)}{PlotText.DescribePanels(panels, s => context.FirstSeedLabel(s))}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(set, context, panels));
    }

    /// <summary>The alt text's words for the hand-picked values of <c>report.cost_at</c>, if any.</summary>
    private static string Chosen(RunSet set, string w) => ReportSections.ConfigOf(set).CostAt is { Count: > 0 } chosen
        ? $"The cost at hand-picked values of {w} ({string.Join(", ", chosen.Select(HumanNumber.Exact))}) is marked by grey open triangles. "
        : string.Empty;

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels)
    {
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var paths = context.Runs.Settings.ToDictionary(s => s, s => RunPath.Of(set, context, s));
        double? optimum = context.Optimum is null ? null : context.Theta(context.Optimum.OptimumParameters)?[0];
        var chosen = ReportSections.ConfigOf(set).CostAt ?? [];
        var (left, right) = Range(context, paths, optimum, chosen);
        var ws = Enumerable.Range(0, CurvePoints).Select(i => left + (right - left) * i / (CurvePoints - 1)).ToArray();
        var js = ws.Select(w => context.Model!.Loss(context.Dataset!, [w])).ToArray();
        double top = js.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double bottom = Math.Min(0, js.Where(double.IsFinite).DefaultIfEmpty(0).Min());
        string name = context.Model!.ParameterNames[0];
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            var bowl = plot.Add.ScatterLine(ws, js, Colors.Black);
            bowl.LineWidth = 2;
            bowl.LegendText = $"J({name})";
            foreach (var setting in panels[p].Items)
            {
                AddSteps(plot, paths[setting], colours[setting], context.FirstSeedLabel(setting));
            }

            if (chosen.Count > 0)
            {
                var picked = plot.Add.ScatterPoints(chosen.ToArray(), chosen.Select(w => context.Model.Loss(context.Dataset!, [w])).ToArray(), Colors.DimGray);
                picked.MarkerShape = MarkerShape.OpenTriangleUp;
                picked.MarkerSize = 12;
                picked.LegendText = $"J at chosen {name} (report.cost_at)";
            }

            if (optimum is double best)
            {
                var minimum = plot.Add.Marker(best, context.Model.Loss(context.Dataset!, [best]), MarkerShape.FilledDiamond, 12, Colors.Black);
                minimum.LegendText = context.Model.HasClosedForm ? "minimum (normal equation)" : "minimum";
            }

            plot.Title(panels[p].FigureTitle(context.Problem.Label));
            plot.XLabel(name);
            plot.YLabel($"J({name}) = {(context.Problem.Loss == "mse" ? "mean squared error" : "mean loss")}");
            plot.Axes.SetLimits(left, right, bottom, top + (top - bottom) * 0.05);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>The marked steps of one run: points (w, J(w)) joined by a thin line so overshooting shows as a zig-zag.</summary>
    private static void AddSteps(Plot plot, RunPath? path, Color colour, string label)
    {
        if (path is not { Rows: > 0 })
        {
            PlotFigure.LegendOnly(plot, label, colour);
            return;
        }

        var rows = path.Marked(MaxMarks);
        var steps = plot.Add.ScatterLine(rows.Select(r => path.Parameter(r, 0)).ToArray(), rows.Select(r => path.Curve.Loss[r]).ToArray(), colour);
        steps.LineWidth = 1;
        steps.MarkerSize = 7;
        steps.MarkerShape = MarkerShape.FilledCircle;
        steps.LineColor = colour.WithAlpha(0.5);
        steps.LegendText = label;
        plot.Add.Marker(path.Parameter(0, 0), path.Curve.Loss[0], MarkerShape.OpenCircle, 13, colour);
        int last = path.Rows - 1;
        plot.Add.Marker(path.Parameter(last, 0), path.Curve.Loss[last], MarkerShape.FilledSquare, 10, colour);
    }

    /// <summary>The w range: the chosen values, the optimum and every run that did not diverge, padded; diverging steps leave it.</summary>
    private static (double Left, double Right) Range(ProblemContext context, Dictionary<SettingRuns, RunPath?> paths, double? optimum, IReadOnlyList<double> chosen)
    {
        var ws = new List<double>(chosen);
        if (optimum is double best)
        {
            ws.Add(best);
        }

        foreach (var (setting, path) in paths)
        {
            if (path is not null && context.FirstSeedRun(setting)?.Status is not (RunStatus.Diverged or RunStatus.Failed))
            {
                ws.AddRange(Enumerable.Range(0, path.Rows).Select(r => path.Parameter(r, 0)));
            }
        }

        if (ws.Count == 0)
        {
            return (-1, 1);
        }

        double left = ws.Min();
        double right = ws.Max();
        double pad = Math.Max(right - left, 0.2) * 0.15;
        return (left - pad, right + pad);
    }
}
