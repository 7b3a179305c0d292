using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>For two-parameter models on 1-D data (affine, logistic): each setting's (w, b) path on the first seed over
/// contours of the loss gap, the optimum marked.</summary>
public sealed class ParameterPathsPlot : IPlot
{
    private const int GridSize = 70;
    private const int ContourLevels = 14;

    /// <inheritdoc/>
    public string Name => "paths";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.HasTwoParameterSurface)
            .Select(c => Request(set, c))
            .ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var panels = VariantFamilies.Panels(context.Runs.Settings, s => s.Setting.Variant, context.Styles);
        var names = context.Model!.ParameterNames;
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Parameter paths: {context.Problem.Label}",
            $"Paths of ({names[0]}, {names[1]}) from the initial point, one per setting on {context.DatasetKey}, over log-spaced contours "
                + $"of the loss gap; the optimum is a black star. {PlotText.DescribePanels(panels, s => context.FirstSeedLabel(s))}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(set, context, panels));
    }

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels)
    {
        var colours = PanelShades.Of(context.Runs.Settings, s => s.Setting, context.Styles);
        var paths = context.Runs.Settings.ToDictionary(s => s, s => Path(set, context, s));
        var optimum = context.Optimum is null ? null : context.Theta(context.Optimum.OptimumParameters);
        var box = Box(paths, context, optimum, out bool optimumInside);
        var contours = Contours(LossGrid(context, box));
        var names = context.Model!.ParameterNames;
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            foreach (var contour in contours)
            {
                plot.Add.ScatterLine(contour, Colors.Black.WithAlpha(0.22)).LineWidth = 1;
            }
            foreach (var setting in panels[p].Items)
            {
                string label = context.FirstSeedLabel(setting);
                if (paths[setting] is { Length: > 0 } path)
                {
                    var line = plot.Add.ScatterLine(path.Select(c => c.X).ToArray(), path.Select(c => c.Y).ToArray(), colours[setting]);
                    line.LineWidth = 2;
                    line.MarkerSize = path.Length <= 80 ? 4 : 0;
                    line.LegendText = label;
                    plot.Add.Marker(path[^1], MarkerShape.FilledSquare, 8, colours[setting]);
                }
                else
                {
                    PlotFigure.LegendOnly(plot, label, colours[setting]);
                }
            }

            if (optimum is not null)
            {
                AddOptimum(plot, optimum, box, optimumInside, Report.ReferenceKindWords.Legend(context.Optimum!.Kind), names);
            }

            plot.Title($"{panels[p].Title}: {context.Problem.Label}");
            plot.XLabel(names[0]);
            plot.YLabel(names[1]);
            plot.Axes.SetLimits(box.Left, box.Right, box.Bottom, box.Top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary>The first seed's parameters row by row, up to the last finite row.</summary>
    private static Coordinates[]? Path(RunSet set, ProblemContext context, SettingRuns setting)
    {
        var run = context.FirstSeedRun(setting);
        if (run is null || !set.Curves.TryRead(run.RunId, out var curve) || curve.ParameterNames.Count != 2)
        {
            return null;
        }

        var path = new List<Coordinates>(curve.Count);
        for (int i = 0; i < curve.Count; i++)
        {
            var theta = curve.ParametersAt(i);
            if (!double.IsFinite(theta[0]) || !double.IsFinite(theta[1]))
            {
                break;
            }

            path.Add(new Coordinates(theta[0], theta[1]));
        }

        return [.. path];
    }

    /// <summary>The optimum as a black diamond; one outside the frame as a hollow diamond on the nearest edge, labelled
    /// with where it really is.</summary>
    private static void AddOptimum(Plot plot, double[] optimum, CoordinateRect box, bool inside, string label, IReadOnlyList<string> names)
    {
        if (inside)
        {
            var star = plot.Add.Marker(optimum[0], optimum[1], MarkerShape.FilledDiamond, 12, Colors.Black);
            star.LegendText = label;
            return;
        }

        double insetX = (box.Right - box.Left) * 0.03;
        double insetY = (box.Top - box.Bottom) * 0.03;
        double x = Math.Clamp(optimum[0], box.Left + insetX, box.Right - insetX);
        double y = Math.Clamp(optimum[1], box.Bottom + insetY, box.Top - insetY);
        var edge = plot.Add.Marker(x, y, MarkerShape.OpenDiamond, 12, Colors.Black);
        edge.LegendText = label + " off frame at " + names[0] + " = " + Number(optimum[0]) + ", " + names[1] + " = " + Number(optimum[1]);
        var text = plot.Add.Text(names[0] + " = " + Number(optimum[0]) + ", " + names[1] + " = " + Number(optimum[1]), x, y);
        text.LabelFontSize = 11;
        text.LabelFontColor = Colors.Black;
        text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        text.LabelAlignment = (x > (box.Left + box.Right) / 2, y > (box.Bottom + box.Top) / 2) switch
        {
            (true, true) => Alignment.UpperRight,
            (true, false) => Alignment.LowerRight,
            (false, true) => Alignment.UpperLeft,
            (false, false) => Alignment.LowerLeft,
        };
        text.OffsetY = y > (box.Bottom + box.Top) / 2 ? 10 : -10;
    }

    private static string Number(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The region to draw: every path that did not diverge, padded, and the optimum when it lies within a path
    /// box's width of them (a far optimum would shrink every path to a dot; it is marked on the edge instead).</summary>
    private static CoordinateRect Box(Dictionary<SettingRuns, Coordinates[]?> paths, ProblemContext context, double[]? optimum, out bool optimumInside)
    {
        var points = new List<Coordinates>();
        foreach (var (setting, path) in paths)
        {
            if (path is not null && context.FirstSeedRun(setting)?.Status is not (RunStatus.Diverged or RunStatus.Failed))
            {
                points.AddRange(path);
            }
        }

        optimumInside = optimum is not null;
        if (points.Count == 0)
        {
            return optimum is null ? new CoordinateRect(-1, 1, -1, 1) : new CoordinateRect(optimum[0] - 1, optimum[0] + 1, optimum[1] - 1, optimum[1] + 1);
        }

        double left = points.Min(c => c.X);
        double right = points.Max(c => c.X);
        double bottom = points.Min(c => c.Y);
        double top = points.Max(c => c.Y);
        if (optimum is not null)
        {
            double reachX = Math.Max(right - left, 0.2);
            double reachY = Math.Max(top - bottom, 0.2);
            optimumInside = optimum[0] >= left - reachX && optimum[0] <= right + reachX && optimum[1] >= bottom - reachY && optimum[1] <= top + reachY;
            if (optimumInside)
            {
                left = Math.Min(left, optimum[0]);
                right = Math.Max(right, optimum[0]);
                bottom = Math.Min(bottom, optimum[1]);
                top = Math.Max(top, optimum[1]);
            }
        }

        double padX = Math.Max(right - left, 0.2) * 0.15;
        double padY = Math.Max(top - bottom, 0.2) * 0.15;
        return new CoordinateRect(left - padX, right + padX, bottom - padY, top + padY);
    }

    /// <summary>The contour lines of <paramref name="grid"/>, computed once for every panel of a figure: ScottPlot's
    /// ContourLines plottable traces them afresh for each panel it is added to (about 15 MB and 11 ms per panel).</summary>
    private static List<Coordinates[]> Contours(Coordinates3d[,] grid)
    {
        var contours = new ScottPlot.Plottables.ContourLines { ContourLineCount = ContourLevels };
        contours.Update(grid);
        return
        [
            .. contours.Lines
                .Where(l => l.Path.Points.Length >= 2)
                .Select(l => l.Path.Close ? [.. l.Path.Points, l.Path.Points[0]] : l.Path.Points),
        ];
    }

    /// <summary>log10 of the loss gap on a grid over <paramref name="box"/>: contours of a log gap are evenly spread
    /// from the rim down to the optimum.</summary>
    private static Coordinates3d[,] LossGrid(ProblemContext context, CoordinateRect box)
    {
        var grid = new Coordinates3d[GridSize, GridSize];
        double optimumLoss = context.Optimum?.OptimumLoss ?? 0;
        var theta = new double[2];
        for (int row = 0; row < GridSize; row++)
        {
            theta[1] = box.Bottom + (box.Top - box.Bottom) * row / (GridSize - 1);
            for (int column = 0; column < GridSize; column++)
            {
                theta[0] = box.Left + (box.Right - box.Left) * column / (GridSize - 1);
                double gap = context.Model!.Loss(context.Dataset!, theta) - optimumLoss;
                double z = double.IsFinite(gap) ? Math.Log10(Math.Max(gap, 1e-12)) : 12;
                grid[row, column] = new Coordinates3d(theta[0], theta[1], z);
            }
        }

        return grid;
    }
}
