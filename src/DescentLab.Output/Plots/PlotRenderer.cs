using System.Diagnostics;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Scheduling;
using DescentLab.Experiments.Timing;

namespace DescentLab.Output.Plots;

/// <summary>Renders the images a run set needs into a run folder, in parallel, in a fixed order.</summary>
/// <remarks>Each plot kind is planned and each image drawn inside a guard: an exception in a plot's
/// <see cref="IPlot.Plan"/> costs that kind's images, one in drawing or saving costs one image, and the report lists
/// both (<see cref="PlotFile.Error"/>) while everything else renders. The kinds are planned, and then the images drawn,
/// on up to <c>maxParallelism</c> threads; every figure owns its ScottPlot and Skia objects and the only process-wide
/// setting, the font, is set once at start-up (<see cref="PlotFonts"/>), so the bytes do not depend on the thread
/// count.</remarks>
public static class PlotRenderer
{
    /// <summary>Plans every plot of <paramref name="plots"/> and writes the images under <paramref name="runDir"/>: each
    /// static figure as PNG, and as SVG next to it when the config's <c>report.formats</c> asks for it.</summary>
    /// <returns>One entry per image in plan order, and one for a plot kind whose plan failed; an entry that could not be
    /// rendered carries its <see cref="PlotFile.Error"/>, so one broken plot costs its pictures, not the report.</returns>
    public static IReadOnlyList<PlotFile> Render(RunSet set, IReadOnlyList<IPlot> plots, string runDir, int maxParallelism)
    {
        // Plans run in parallel too: a sweep's plans (its convergence panels' palette, its runtime distribution) take
        // longer than drawing its few images.
        var plans = new IReadOnlyList<Planned>[plots.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        OneAtATime.For(plots.Count, options, k => plans[k] = Plan(plots[k], set));
        var planned = plans.SelectMany(p => p).ToList();
        bool svg = set.Manifest.ResolvedConfig.Report?.Formats.Contains(PlotFormats.Svg, StringComparer.Ordinal) == true;
        var files = new PlotFile[planned.Count];
        OneAtATime.For(planned.Count, options, i => files[i] = planned[i].Request is { } request ? Draw(request, runDir, svg) : planned[i].File);
        return files;
    }

    /// <summary>The plot's images with its kind set; a plan that throws becomes one failed entry named after the kind
    /// (no image path is known without a plan).</summary>
    private static IReadOnlyList<Planned> Plan(IPlot plot, RunSet set)
    {
        try
        {
            return [.. plot.Plan(set).Select(r => r with { File = r.File with { Kind = plot.Name } }).Select(r => new Planned(r.File, r))];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var file = new PlotFile(plot.Name, plot.Name, $"The {plot.Name} plots, which could not be planned.", null)
            {
                Kind = plot.Name,
                Error = "planning failed: " + Describe(ex),
            };
            return [new Planned(file, null)];
        }
    }

    /// <summary>Draws one image; a static figure also as SVG when <paramref name="svg"/> (an animation stays GIF only).</summary>
    private static PlotFile Draw(PlotRequest request, string runDir, bool svg)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            var file = request.File;
            string path = Path.Combine(runDir, file.RelativePath);
            if (request.Write is { } write)
            {
                write(path);
            }
            else
            {
                using var figure = request.Draw();
                figure.SavePng(path);
                if (svg)
                {
                    file = file with { SvgRelativePath = Path.ChangeExtension(file.RelativePath, ".svg") };
                    figure.SaveSvg(Path.Combine(runDir, file.SvgRelativePath));
                }
            }

            StageTimings.Record($"plot {request.File.RelativePath}", start, part: true);
            return file;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return request.File with { Error = Describe(ex) };
        }
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    /// <summary>One entry of the plan: an image to draw, or a plot kind whose plan failed (no request).</summary>
    private sealed record Planned(PlotFile File, PlotRequest? Request);
}
