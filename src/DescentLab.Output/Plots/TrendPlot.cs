using System.Globalization;
using DescentLab.Experiments.Results;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DescentLab.Output.Plots;

/// <summary>The nightly trend from history: each variant's median final gap and median epochs to target per past run
/// set; drawn once there are at least two run sets.</summary>
/// <remarks>Run sets are evenly spaced by order and labelled with their UTC start, so a missed night does not stretch
/// the axis and the labels are culture-invariant.</remarks>
public sealed class TrendPlot : IPlot
{
    private const int MaxDateLabels = 7;

    /// <inheritdoc/>
    public string Name => "trend";

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set)
    {
        var runSets = RunSets(set.Trend);
        if (runSets.Count < 2)
        {
            return [];
        }

        var variants = set.Trend.Select(t => t.Variant).Distinct().ToList();
        var families = VariantFamilies.Panels(variants, v => v);
        var file = new PlotFile(
            PlotText.PathOf(Name),
            "Trend",
            $"Per variant, median final gap (log scale, left) and median epochs to target (right) over the last {runSets.Count} "
                + $"run sets of this config, oldest first. {PlotText.DescribePanels(families, v => v)}.",
            null);
        return [new PlotRequest(file, () => Draw(set.Trend, runSets, families))];
    }

    /// <summary>Run sets oldest first, with their start.</summary>
    private static List<(long Id, DateTimeOffset Started)> RunSets(IReadOnlyList<TrendPoint> trend) =>
        trend.GroupBy(t => t.RunSetId)
            .Select(g => (g.Key, g.Min(t => t.StartedUtc)))
            .OrderBy(r => r.Item2)
            .ThenBy(r => r.Key)
            .ToList();

    private static PlotFigure Draw(IReadOnlyList<TrendPoint> trend, List<(long Id, DateTimeOffset Started)> runSets, IReadOnlyList<Panel<string>> families)
    {
        var index = runSets.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => (double)p.i);
        var figure = PlotFigure.Create(2 * families.Count);
        for (int f = 0; f < families.Count; f++)
        {
            var gapPlot = figure.Panels[2 * f];
            var epochsPlot = figure.Panels[(2 * f) + 1];
            var gaps = new List<double>();
            var epochs = new List<double>();
            foreach (string variant in families[f].Items)
            {
                var points = trend.Where(t => t.Variant == variant).OrderBy(t => index[t.RunSetId]).ToList();
                var colour = VariantPalette.Of(variant);
                var gapPoints = points.Where(t => double.IsFinite(t.MedianFinalGap)).Select(t => (index[t.RunSetId], LogScale.Log10(t.MedianFinalGap))).ToList();
                var epochPoints = points.Where(t => t.MedianEpochsToTarget is not null).Select(t => (index[t.RunSetId], t.MedianEpochsToTarget!.Value)).ToList();
                Add(gapPlot, gapPoints, colour, variant, "diverged");
                Add(epochsPlot, epochPoints, colour, variant, "never reached");
                gaps.AddRange(gapPoints.Select(p => p.Item2));
                epochs.AddRange(epochPoints.Select(p => p.Item2));
            }

            gapPlot.Title($"{families[f].Title}: median final gap");
            gapPlot.YLabel("median final gap");
            LogScale.Apply(gapPlot.Axes.Left);
            var (gapLow, gapHigh) = LogScale.Limits(gaps);
            gapPlot.Axes.SetLimitsY(gapLow, gapHigh);
            epochsPlot.Title($"{families[f].Title}: median epochs to target");
            epochsPlot.YLabel("epochs to target");
            epochsPlot.Axes.SetLimitsY(0, epochs.Count > 0 ? (epochs.Max() * 1.1) + 1 : 1);
            foreach (var plot in new[] { gapPlot, epochsPlot })
            {
                plot.Axes.Bottom.TickGenerator = DateTicks(runSets);
                plot.Axes.SetLimitsX(-0.3, runSets.Count - 0.7);
                plot.XLabel("run set started (UTC)");
                PlotFigure.LegendBelow(plot);
            }
        }

        return figure;
    }

    private static void Add(Plot plot, List<(double X, double Y)> points, Color colour, string variant, string missing)
    {
        if (points.Count == 0)
        {
            PlotFigure.LegendOnly(plot, $"{variant} ({missing})", colour);
            return;
        }

        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), colour);
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = variant;
    }

    private static NumericManual DateTicks(List<(long Id, DateTimeOffset Started)> runSets)
    {
        var ticks = new NumericManual();
        int every = (runSets.Count + MaxDateLabels - 1) / MaxDateLabels;
        for (int i = 0; i < runSets.Count; i++)
        {
            if (i % every == 0)
            {
                ticks.AddMajor(i, runSets[i].Started.UtcDateTime.ToString("yyyy-MM-dd'\n'HH:mm", CultureInfo.InvariantCulture));
            }
            else
            {
                ticks.AddMinor(i);
            }
        }

        return ticks;
    }
}
