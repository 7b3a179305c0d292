using System.Globalization;
using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>The beans of the first seed with each variant setting's final fit: line, sigmoid or curve for 1-D data, decision
/// boundary over the two classes for 2-D data (a line for logistic, traced points of the 0.5 level for the mlp); the
/// reference optimum as a wide grey line under the runs.</summary>
public sealed class FittedLinesPlot : IPlot
{
    private const int Points = 200;
    private const int GridCells = 150;

    /// <summary>Most beans a panel draws (an evenly spaced sample of larger datasets).</summary>
    public const int MaxBeans = 2000;

    /// <inheritdoc/>
    public string Name => "fit";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.Dataset is not null && c.Model is not null)
            .Select(Request)
            .ToList();

    private PlotRequest Request(ProblemContext context)
    {
        var panels = VariantFamilies.Panels(context.Runs.Settings, s => s.Setting.Variant, context.Styles);
        bool twoD = context.Dataset!.Dimension == 2;
        string what = twoD
            ? $"the two classes of {context.DatasetKey} (x1, x2) with each setting's final decision boundary (where the model gives 0.5)"
            : $"the beans of {context.DatasetKey} (x against y) with each setting's final fitted {Shape(context)}";
        var file = new PlotFile(
            PlotText.PathOf($"{Name}-{context.Problem.Slug}"),
            $"Fitted models: {context.Problem.Label}",
            $"Scatter of {what}{SampleNote(context.Dataset!.Count)}, first seed; {OptimumWords(context)}. {PlotText.DescribePanels(panels, s => context.FirstSeedLabel(s))}.",
            context.Problem);
        return new PlotRequest(file, () => Draw(context, panels, twoD));
    }

    private static PlotFigure Draw(ProblemContext context, IReadOnlyList<Panel<SettingRuns>> panels, bool twoD)
    {
        var data = context.Dataset!;
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var figure = PlotFigure.Create(panels.Count);
        // An infimum's reference parameters only approach the limit (a soft step where the runs may be sharper): drawn as
        // "the optimum" they would claim a best fit that no finite parameters have, so they are left out.
        var optimum = context.Optimum is null || context.Optimum.Kind == ReferenceKind.Infimum ? null : context.Theta(context.Optimum.OptimumParameters);
        var (xMin, xMax, yMin, yMax) = twoD ? Classes(data) : context.FitFrame();
        var area = (xMin, xMax, yMin, yMax);
        for (int p = 0; p < panels.Count; p++)
        {
            var plot = figure.Panels[p];
            AddData(plot, data, twoD);
            if (optimum is not null)
            {
                // Drawn before the runs, wide and pale, so a run that lands on the optimum still shows on top of it.
                AddFit(plot, context, optimum, twoD, area, Colors.Black.WithAlpha(0.25), "optimum (L*)", LinePattern.Solid, 7);
            }

            foreach (var setting in panels[p].Items)
            {
                var run = context.FirstSeedRun(setting);
                var theta = run is null ? null : context.Theta(run.FinalParameters);
                string label = context.FirstSeedLabel(setting);
                if (theta is null || !theta.All(double.IsFinite) || !AddFit(plot, context, theta, twoD, area, colours[setting], label, LinePattern.Solid, 2))
                {
                    PlotFigure.LegendOnly(plot, label, colours[setting]);
                }
            }

            plot.Title(panels[p].FigureTitle(context.Problem.Label));
            plot.XLabel(twoD ? "x1" : "x (bean size)");
            plot.YLabel(twoD ? "x2" : "y (toxicity)");
            plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
            PlotFigure.LegendBelow(plot);
        }

        return figure;
    }

    private static void AddData(Plot plot, Dataset data, bool twoD)
    {
        // A bounded, evenly spaced sample of the beans: the cost and size of the image do not grow with n.
        var sample = EvenSample.Indices(data.Count, MaxBeans);
        if (!twoD)
        {
            var beans = plot.Add.ScatterPoints(sample.Select(i => data.X1[i]).ToArray(), sample.Select(i => data.Y[i]).ToArray(), Colors.Gray.WithAlpha(0.7));
            beans.MarkerSize = 5;
            return;
        }

        for (int label = 0; label <= 1; label++)
        {
            var indices = sample.Where(i => (data.Y[i] >= 0.5) == (label == 1)).ToArray();
            var points = plot.Add.ScatterPoints(indices.Select(i => data.X1[i]).ToArray(), indices.Select(i => data.X2[i]).ToArray());
            points.MarkerShape = label == 1 ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            points.MarkerSize = 6;
            points.MarkerColor = Colors.Gray.WithAlpha(label == 1 ? 0.8 : 0.9);
        }
    }

    private static string OptimumWords(ProblemContext context) => context.Optimum?.Kind == ReferenceKind.Infimum
        ? "no optimum is drawn: L* is an infimum, which no finite parameters reach"
        : (context.PinnedToOrigin ? "the frame holds (0, 0), where the model's line is pinned; " : string.Empty) + "the reference optimum as a wide grey line under the runs";

    private static string SampleNote(int n) =>
        n <= MaxBeans ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({MaxBeans} of the {n} samples, evenly spaced)");

    private static string Shape(ProblemContext context) =>
        context.Problem.Model == "logistic" ? "sigmoid" : context.Model!.HasClosedForm ? "line" : "curve";

    /// <summary>Adds the fit of <paramref name="theta"/>; false when there is nothing to draw (a boundary with zero weights,
    /// or no 0.5 level inside the plotted area).</summary>
    private static bool AddFit(Plot plot, ProblemContext context, double[] theta, bool twoD, (double XMin, double XMax, double YMin, double YMax) area, Color colour, string label, LinePattern pattern, float width)
    {
        double[] xs;
        double[] ys;
        if (!twoD)
        {
            xs = Enumerable.Range(0, Points).Select(i => area.XMin + (area.XMax - area.XMin) * i / (Points - 1)).ToArray();
            ys = xs.Select(x => context.Model!.Predict(theta, x, 0)).ToArray();
        }
        else if (context.Model!.ParameterNames is not ["w1", "w2", "b"])
        {
            // A curved boundary has no formula: trace the 0.5 level as points where a grid edge changes class.
            if (!LevelPoints(context, theta, area, out xs, out ys))
            {
                return false;
            }

            var points = plot.Add.ScatterPoints(xs, ys, colour);
            points.MarkerSize = 3;
            points.LegendText = label;
            return true;
        }
        else if (!Boundary(theta, area.XMin, area.XMax, out xs, out ys))
        {
            return false;
        }

        var line = plot.Add.ScatterLine(xs, ys, colour);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
        return true;
    }

    /// <summary>Points where the model's output crosses 0.5 along the edges of a grid over the area, placed by linear
    /// interpolation between the two grid nodes.</summary>
    private static bool LevelPoints(ProblemContext context, double[] theta, (double XMin, double XMax, double YMin, double YMax) area, out double[] xs, out double[] ys)
    {
        var model = context.Model!;
        double dx = (area.XMax - area.XMin) / GridCells;
        double dy = (area.YMax - area.YMin) / GridCells;
        var level = new double[GridCells + 1, GridCells + 1];
        for (int i = 0; i <= GridCells; i++)
        {
            for (int j = 0; j <= GridCells; j++)
            {
                level[i, j] = model.Predict(theta, area.XMin + i * dx, area.YMin + j * dy) - 0.5;
            }
        }

        var px = new List<double>();
        var py = new List<double>();
        for (int i = 0; i <= GridCells; i++)
        {
            for (int j = 0; j <= GridCells; j++)
            {
                double x = area.XMin + i * dx;
                double y = area.YMin + j * dy;
                if (i < GridCells && Crosses(level[i, j], level[i + 1, j], out double t))
                {
                    px.Add(x + t * dx);
                    py.Add(y);
                }

                if (j < GridCells && Crosses(level[i, j], level[i, j + 1], out t))
                {
                    px.Add(x);
                    py.Add(y + t * dy);
                }
            }
        }

        xs = [.. px];
        ys = [.. py];
        return xs.Length > 0;
    }

    private static bool Crosses(double a, double b, out double t)
    {
        t = a / (a - b);
        return double.IsFinite(a) && double.IsFinite(b) && (a < 0) != (b < 0);
    }

    /// <summary>The line w1·x1 + w2·x2 + b = 0 across the x1 range (vertical when w2 is 0).</summary>
    private static bool Boundary(double[] theta, double xMin, double xMax, out double[] xs, out double[] ys)
    {
        double w1 = theta[0];
        double w2 = theta[1];
        double b = theta[2];
        if (w2 != 0)
        {
            xs = [xMin, xMax];
            ys = [-(w1 * xMin + b) / w2, -(w1 * xMax + b) / w2];
            return ys.All(double.IsFinite);
        }

        xs = [-b / w1, -b / w1];
        ys = [-1e6, 1e6];
        return w1 != 0 && double.IsFinite(xs[0]);
    }

    /// <summary>The frame of a 2-D figure (x1 against x2): both padded by 5 %.</summary>
    private static (double Left, double Right, double Bottom, double Top) Classes(Dataset data)
    {
        var (left, right) = Padded(data.X1, 0.05);
        var (bottom, top) = Padded(data.X2, 0.05);
        return (left, right, bottom, top);
    }

    private static (double Min, double Max) Padded(double[] values, double fraction)
    {
        double min = values.Min();
        double max = values.Max();
        double pad = Math.Max(max - min, 1e-3) * fraction;
        return (min - pad, max + pad);
    }
}
