using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The course's error surface: for two-parameter models on 1-D data (affine, logistic), J(w, b) over the first
/// seed's data as a heatmap (log colour scale) with contour lines, every setting's (w, b) path on it and the minimum
/// marked (on the nearest edge, with its coordinates, when it lies far from the paths); a panel per variant family.</summary>
public sealed class ErrorSurfacePlot : IPlot
{
    private const int Cells = 120;
    private const int ContourLevels = 10;
    private const int MaxMarks = 40;

    /// <inheritdoc/>
    public string Name => "surface";

    /// <inheritdoc/>
    public bool OnByDefault => false;

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
            $"Error surface J({names[0]}, {names[1]}): {context.Problem.Label}",
            $"Heatmap of the cost J({names[0]}, {names[1]}) over {context.DatasetKey} (colour is log10 J, dark is low) with contour lines; "
                + $"each setting's first-seed path of ({names[0]}, {names[1]}) from the start (open circle) to the end (square), at most "
                + $"{MaxMarks} points marked; the frame holds the paths, and the reference optimum is a black diamond, or a hollow one on the nearest edge labelled with its coordinates when it lies far from them. {PlotText.DescribePanels(panels, s => context.FirstSeedLabel(s))}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(set, context, panels));
    }

    private static PlotFigure Draw(RunSet set, ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels)
    {
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var paths = context.Runs.Settings.ToDictionary(s => s, s => RunPath.Of(set, context, s));
        var optimum = context.Optimum is null ? null : context.Theta(context.Optimum.OptimumParameters);
        var kept = paths.Where(p => p.Value is { Rows: > 0 } && context.FirstSeedRun(p.Key)?.Status is not (RunStatus.Diverged or RunStatus.Failed));
        var box = PathFrame.Of(kept.SelectMany(p => Points(p.Value!)), optimum, out bool optimumInside);
        var (intensities, contours) = Surface(context, box);
        var names = context.Model!.ParameterNames;
        var figure = PlotFigure.Create(panels.Count);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            var heatmap = plot.Add.Heatmap(intensities);
            heatmap.Extent = box;
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = $"log10 J({names[0]}, {names[1]})";
            var lines = plot.Add.ContourLines(contours, ContourLevels);
            lines.LineColor = Colors.White.WithAlpha(0.35);
            lines.LineWidth = 1;
            lines.LabelStyle.IsVisible = false;
            foreach (var setting in panels[p].Items)
            {
                AddPath(plot, paths[setting], colours[setting], context.FirstSeedLabel(setting));
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

    private static void AddPath(Plot plot, RunPath? path, Color colour, string label)
    {
        if (path is not { Rows: > 0 })
        {
            PlotFigure.LegendOnly(plot, label, colour);
            return;
        }

        var rows = path.Marked(MaxMarks);
        var line = plot.Add.ScatterLine(rows.Select(r => path.Parameter(r, 0)).ToArray(), rows.Select(r => path.Parameter(r, 1)).ToArray(), colour);
        line.LineWidth = 2;
        line.MarkerSize = 5;
        line.LegendText = label;
        plot.Add.Marker(path.Parameter(0, 0), path.Parameter(0, 1), MarkerShape.OpenCircle, 12, colour);
        int last = path.Rows - 1;
        plot.Add.Marker(path.Parameter(last, 0), path.Parameter(last, 1), MarkerShape.FilledSquare, 9, colour);
    }

    private static IEnumerable<Coordinates> Points(RunPath path) =>
        Enumerable.Range(0, path.Rows).Select(r => new Coordinates(path.Parameter(r, 0), path.Parameter(r, 1))).Where(c => double.IsFinite(c.X) && double.IsFinite(c.Y));

    /// <summary>log10 J on a grid over <paramref name="box"/>: as heatmap rows (top row first) and as contour points.</summary>
    private static (double[,] Intensities, Coordinates3d[,] Contours) Surface(ProblemContext context, CoordinateRect box)
    {
        var intensities = new double[Cells, Cells];
        var contours = new Coordinates3d[Cells, Cells];
        var theta = new double[2];
        for (int row = 0; row < Cells; row++)
        {
            theta[1] = box.Top - (box.Top - box.Bottom) * (row + 0.5) / Cells;
            for (int column = 0; column < Cells; column++)
            {
                theta[0] = box.Left + (box.Right - box.Left) * (column + 0.5) / Cells;
                double loss = context.Model!.Loss(context.Dataset!, theta);
                double z = double.IsFinite(loss) ? Math.Log10(Math.Max(loss, 1e-12)) : 12;
                intensities[row, column] = z;
                contours[Cells - 1 - row, column] = new Coordinates3d(theta[0], theta[1], z);
            }
        }

        return (intensities, contours);
    }
}
