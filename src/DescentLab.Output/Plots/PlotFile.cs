using DescentLab.Experiments.Analysis;

namespace DescentLab.Output.Plots;

/// <summary>A plot image of a run folder.</summary>
/// <param name="RelativePath">Path relative to the run folder, with forward slashes, e.g. <c>plots/convergence-beans1-n100-origin-mse.png</c>.</param>
/// <param name="Title">Caption for the report.</param>
/// <param name="AltText">What the image shows, for readers who cannot see it.</param>
/// <param name="Problem">The problem it belongs to, or null for plots across problems.</param>
public sealed record PlotFile(string RelativePath, string Title, string AltText, ProblemKey? Problem)
{
    /// <summary>Why the image could not be rendered, or null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>Name of the plot kind that made it (<see cref="IPlot.Name"/>); set by <see cref="PlotRenderer"/>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The SVG copy next to the image (<c>report.formats</c> with <c>svg</c>), relative like
    /// <see cref="RelativePath"/>, or null when none was written.</summary>
    public string? SvgRelativePath { get; init; }
}
