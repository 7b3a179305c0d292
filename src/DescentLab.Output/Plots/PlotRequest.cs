namespace DescentLab.Output.Plots;

/// <summary>One image to render: where it goes, and how to draw it.</summary>
/// <param name="File">Its path, caption and alt text.</param>
/// <param name="Draw">Builds the figure; called once, possibly on another thread.</param>
public sealed record PlotRequest(PlotFile File, Func<PlotFigure> Draw);
