using System.Diagnostics;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Timing;

namespace DescentLab.Output.Plots;

/// <summary>Renders the images a run set needs into a run folder, in parallel, in a fixed order.</summary>
public static class PlotRenderer
{
    /// <summary>Plans every plot of <paramref name="plots"/> and writes the images under <paramref name="runDir"/>.</summary>
    /// <returns>One entry per image in plan order; an image that failed to render carries its <see cref="PlotFile.Error"/>
    /// instead, so one broken plot costs one picture, not the report.</returns>
    public static IReadOnlyList<PlotFile> Render(RunSet set, IReadOnlyList<IPlot> plots, string runDir, int maxParallelism)
    {
        var requests = plots.SelectMany(p => p.Plan(set).Select(r => r with { File = r.File with { Kind = p.Name } })).ToList();
        var files = new PlotFile[requests.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, requests.Count, options, i =>
        {
            var request = requests[i];
            long start = Stopwatch.GetTimestamp();
            try
            {
                string path = Path.Combine(runDir, request.File.RelativePath);
                if (request.Write is { } write)
                {
                    write(path);
                }
                else
                {
                    using var figure = request.Draw();
                    figure.SavePng(path);
                }

                files[i] = request.File;
                StageTimings.Record($"plot {request.File.RelativePath}", start, part: true);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                files[i] = request.File with { Error = $"{ex.GetType().Name}: {ex.Message}" };
            }
        });
        return files;
    }
}
