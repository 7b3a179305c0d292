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
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var paths = context.Runs.Settings.ToDictionary(s => s, s => Path(set, context, s));
        var optimum = context.Optimum is null ? null : context.Theta(context.Optimum.OptimumParameters);
        var kept = paths.Where(p => p.Value is not null && context.FirstSeedRun(p.Key)?.Status is not (RunStatus.Diverged or RunStatus.Failed));
        var box = PathFrame.Of(kept.SelectMany(p => p.Value!), optimum, out bool optimumInside);
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
                PathFrame.AddOptimum(plot, optimum, box, optimumInside, Report.ReferenceKindWords.Legend(context.Optimum!.Kind), names);
            }

            plot.Title(panels[p].FigureTitle(context.Problem.Label));
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
