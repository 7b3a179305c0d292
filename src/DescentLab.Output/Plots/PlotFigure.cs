using ScottPlot;
using SkiaSharp;

namespace DescentLab.Output.Plots;

/// <summary>The shared frame of every image: a grid of panels with one size, font and style, saved as PNG (and SVG)
/// atomically.</summary>
/// <remarks>1000 px wide, so text stays legible when GitHub scales the image to its ~900 px column. Legends sit below
/// each panel's data area, where they can never hide data.</remarks>
public sealed partial class PlotFigure : IDisposable
{
    /// <summary>Image width in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of one row of panels in pixels.</summary>
    public const int RowHeight = 440;

    /// <summary>Height of a figure with a single panel.</summary>
    public const int SinglePanelHeight = 560;

    private readonly Multiplot _multiplot;
    private readonly int _columns;

    private PlotFigure(Multiplot multiplot, IReadOnlyList<Plot> panels, int columns, int height)
    {
        _multiplot = multiplot;
        _columns = columns;
        Panels = panels;
        Height = height;
    }

    /// <summary>The panels, row by row.</summary>
    public IReadOnlyList<Plot> Panels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>A figure of <paramref name="count"/> styled panels: one full-width panel, or two columns.</summary>
    public static PlotFigure Create(int count) => Create(count, PlotFonts.Family);

    private static PlotFigure Create(int count, string font)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int columns = count == 1 ? 1 : 2;
        int rows = (count + columns - 1) / columns;
        var panels = new Plot[count];
        for (int i = 0; i < count; i++)
        {
            panels[i] = NewPanel(font);
        }

        var multiplot = new Multiplot(panels[0]);
        for (int i = 1; i < count; i++)
        {
            multiplot.AddPlot(panels[i]);
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        return new PlotFigure(multiplot, panels, columns, count == 1 ? SinglePanelHeight : rows * RowHeight);
    }

    /// <summary>Renders one small panel in <paramref name="font"/> and drops it: the first plot of a process pays for
    /// loading the renderer, so paying it early, off the critical path, is what <see cref="PlotFonts.ConfigureInBackground"/>
    /// does.</summary>
    internal static void WarmUp(string font)
    {
        using var figure = Create(1, font);
        figure.Panels[0].Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 });
        figure.Panels[0].Title("warm-up");
        _ = figure.RenderPng(320, 240);
    }

    /// <summary>Renders the figure and writes it to <paramref name="path"/> (temporary file, then rename).</summary>
    public void SavePng(string path) => Files.AtomicFile.WriteAllBytes(path, RenderPng(Width, Height));

    /// <summary>The figure rendered at <paramref name="width"/> × <paramref name="height"/> pixels, as PNG bytes (an
    /// animation's frame).</summary>
    /// <remarks>Encoded over white as RGB without an alpha channel (<see cref="PngEncoder"/>; ScottPlot leaves an empty
    /// grid cell transparent): a quarter less to compress and about a tenth smaller.</remarks>
    public byte[] RenderPng(int width, int height)
    {
        using var surface = Surface(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        _multiplot.Render(surface.Canvas, new PixelRect(0, width, 0, height));
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("Skia gave no access to the figure's pixels.");
        return PngEncoder.Encode(pixels.GetPixelSpan(), width, height, pixels.RowBytes);
    }

    /// <summary>Renders the figure as SVG and writes it to <paramref name="path"/> (temporary file, then rename).</summary>
    public void SaveSvg(string path) => Files.AtomicFile.WriteAllText(path, RenderSvg(Width, Height));

    /// <summary>The figure as an SVG document of <paramref name="width"/> × <paramref name="height"/>: text stays text, in
    /// the plots' font family, and the same figure gives the same text.</summary>
    /// <remarks>This is ScottPlot's own SVG export (<see cref="Plot.GetSvgXml"/>: the plot rendered onto Skia's SVG canvas
    /// without clearing it) applied to each panel in its cell of the grid. The <see cref="Multiplot"/> is not used here: it
    /// clears the canvas first, which the SVG canvas writes as a black rectangle over the figure. Skia numbers clip paths
    /// from a process-wide counter, so they are renumbered in order of appearance.</remarks>
    public string RenderSvg(int width, int height)
    {
        using var stream = new MemoryStream();

        // The document is complete (closing tag written) only once the canvas is disposed.
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            canvas.Clear(SKColors.White);
            int rows = (Panels.Count + _columns - 1) / _columns;
            for (int i = 0; i < Panels.Count; i++)
            {
                var (row, column) = Math.DivRem(i, _columns);
                var cell = new PixelRect(
                    (float)width * column / _columns,
                    (float)width * (column + 1) / _columns,
                    (float)height * (row + 1) / rows,
                    (float)height * row / rows);
                Panels[i].RenderManager.ClearCanvasBeforeEachRender = false;
                Panels[i].Render(canvas, cell);
            }
        }

        var clips = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(
            System.Text.Encoding.UTF8.GetString(stream.ToArray()),
            m => m.Groups["before"].Value + (clips.TryGetValue(m.Groups["id"].Value, out string? id) ? id : clips[m.Groups["id"].Value] = $"cl_{clips.Count}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<before>id=""|url\(#)(?<id>cl_[0-9a-f]+)")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    private static SKSurface Surface(int width, int height, SKColorType colour, SKAlphaType alpha) =>
        SKSurface.Create(new SKImageInfo(width, height, colour, alpha))
            ?? throw new InvalidOperationException($"Skia cannot make a {width} x {height} surface.");

    /// <summary>Shows <paramref name="plot"/>'s legend below its data area, if it has entries.</summary>
    public static void LegendBelow(Plot plot)
    {
        if (plot.Legend.GetItems().Length > 0)
        {
            plot.ShowLegend(Edge.Bottom);
        }
    }

    /// <summary>A legend entry with no data, for a line that has nothing to draw (e.g. a run that diverged at once).</summary>
    public static void LegendOnly(Plot plot, string label, Color colour) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, LineColor = colour, LineWidth = 2, LinePattern = LinePattern.Dotted });

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var panel in Panels)
        {
            panel.Dispose();
        }
    }

    private static Plot NewPanel(string font)
    {
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.1);
        plot.Legend.FontSize = 11;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.ShadowFillStyle.IsVisible = false;
        return plot;
    }
}
