using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Text;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>For 2-D beans: each setting's model probability of "toxic" as a heatmap over (x1, x2), its learned 0.5
/// boundary as a solid line, the recipe's true boundary dashed, the two classes as red triangles and blue circles, and the
/// accuracy on the first seed's data in the panel title.</summary>
public sealed class ProbabilityMapPlot : IPlot
{
    /// <summary>Most panels (settings) one image holds; further settings are left out and the alt text says so.</summary>
    public const int MaxPanels = 6;

    private const int Cells = 100;
    private const int BoundaryCells = 150;
    private static readonly Color Toxic = Color.FromHex("#b2182b");
    private static readonly Color Safe = Color.FromHex("#2166ac");

    /// <inheritdoc/>
    public string Name => "probability";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.Dataset is { Dimension: 2 } && c.Model is not null)
            .Select(c => Request(set, c))
            .ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var settings = context.Runs.Settings.Take(MaxPanels).ToList();
        int left = context.Runs.Settings.Count - settings.Count;
        var boundary = TrueBoundary(context.Dataset!);
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Probability map: {context.Problem.Label}",
            $"One panel per setting ({string.Join(", ", settings.Select(context.FirstSeedLabel))}"
                + (left > 0 ? $"; {left} more settings not shown" : string.Empty)
                + $"): the model's probability that a bean at (x1, x2) is toxic after training on {context.DatasetKey} as a heatmap from blue (0) "
                + "through white (0.5) to red (1), the learned boundary where it is 0.5 as a solid black line"
                + (boundary is null ? string.Empty : $", the recipe's true boundary {boundary.Formula} dashed")
                + "; toxic beans are red triangles, safe beans blue circles; each title gives the accuracy on these beans.",
            context.Problem);
        return new PlotRequest(file, () => Draw(context, settings, s => context.FirstSeedRun(s) is { } run ? context.Theta(run.FinalParameters) : null, null));
    }

    /// <summary>The true boundary of the recipe the data came from, if it has one.</summary>
    internal static ClassBoundary? TrueBoundary(Dataset data) =>
        data.Identity.Recipe is { } recipe ? RecipeCatalog.Find(recipe)?.Boundary : null;

    /// <summary>One panel per setting with its map at the parameters <paramref name="thetaOf"/> gives (none: beans only);
    /// <paramref name="when"/>, if given, follows the setting in each title (an animation's epoch).</summary>
    internal static PlotFigure Draw(ProblemContext context, IReadOnlyList<SettingRuns> settings, Func<SettingRuns, double[]?> thetaOf, string? when)
    {
        var data = context.Dataset!;
        var boundary = TrueBoundary(data);
        var area = Area(data);
        var figure = PlotFigure.Create(settings.Count);
        for (int p = 0; p < settings.Count; p++)
        {
            var plot = figure.Panels[p];
            var theta = thetaOf(settings[p]);
            string title = context.FirstSeedLabel(settings[p]) + (when is null ? string.Empty : ", " + when);
            if (theta is not null && theta.All(double.IsFinite))
            {
                AddProbability(plot, context, theta, area);
                title += ": accuracy " + HumanNumber.Share(context.Model!.Accuracy(context.Dataset!, theta));
            }

            if (boundary is not null)
            {
                AddTrueBoundary(plot, boundary, area);
            }

            AddBeans(plot, data);
            plot.Title(title);
            plot.XLabel("x1");
            plot.YLabel("x2");
            plot.Axes.SetLimits(area.Left, area.Right, area.Bottom, area.Top);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    /// <summary><paramref name="model"/>'s learned boundary at <paramref name="theta"/>: the segments the plot draws.</summary>
    public static IReadOnlyList<(Coordinates A, Coordinates B)> LearnedBoundary(IModelHandle model, double[] theta, CoordinateRect area) =>
        DecisionBoundary.Segments((x1, x2) => model.Predict(theta, x1, x2), area, BoundaryCells);

    /// <summary>The drawn region: the data's range, padded by 5 %.</summary>
    public static CoordinateRect Area(Dataset data)
    {
        double padX = Math.Max(data.X1.Max() - data.X1.Min(), 1e-3) * 0.05;
        double padY = Math.Max(data.X2.Max() - data.X2.Min(), 1e-3) * 0.05;
        return new CoordinateRect(data.X1.Min() - padX, data.X1.Max() + padX, data.X2.Min() - padY, data.X2.Max() + padY);
    }

    private static void AddProbability(Plot plot, ProblemContext context, double[] theta, CoordinateRect area)
    {
        var intensities = new double[Cells, Cells];
        for (int row = 0; row < Cells; row++)
        {
            double x2 = area.Top - (area.Top - area.Bottom) * (row + 0.5) / Cells;
            for (int column = 0; column < Cells; column++)
            {
                double x1 = area.Left + (area.Right - area.Left) * (column + 0.5) / Cells;
                intensities[row, column] = context.Model!.Predict(theta, x1, x2);
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Extent = area;
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#92c5de"), Colors.White, Color.FromHex("#f4a582")]);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "P(toxic)";
        bool first = true;
        foreach (var (a, b) in LearnedBoundary(context.Model!, theta, area))
        {
            var line = plot.Add.Line(a, b);
            line.LineColor = Colors.Black;
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            if (first)
            {
                line.LegendText = "learned boundary (P = 0.5)";
                first = false;
            }
        }
    }

    private static void AddTrueBoundary(Plot plot, ClassBoundary boundary, CoordinateRect area)
    {
        var points = boundary.Trace(area.Left, area.Right, area.Bottom, area.Top, 200);
        if (points.Count < 2)
        {
            return;
        }

        var line = plot.Add.ScatterLine(points.Select(p => p.X1).ToArray(), points.Select(p => p.X2).ToArray(), Color.FromHex("#333333"));
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "true boundary " + boundary.Formula;
    }

    private static void AddBeans(Plot plot, Dataset data)
    {
        for (int label = 1; label >= 0; label--)
        {
            var indices = Enumerable.Range(0, data.Count).Where(i => (data.Y[i] >= 0.5) == (label == 1)).ToArray();
            var points = plot.Add.ScatterPoints(indices.Select(i => data.X1[i]).ToArray(), indices.Select(i => data.X2[i]).ToArray(), label == 1 ? Toxic : Safe);
            points.MarkerShape = label == 1 ? MarkerShape.FilledTriangleUp : MarkerShape.FilledCircle;
            points.MarkerSize = label == 1 ? 9 : 7;
            points.LegendText = label == 1 ? "toxic (y = 1)" : "safe (y = 0)";
        }
    }
}
