namespace DescentLab.Output.Plots;

/// <summary>One image to render: where it goes, and how to draw it.</summary>
/// <param name="File">Its path, caption and alt text.</param>
/// <param name="Draw">Builds the figure (for an animation, its last frame); called once, possibly on another thread.</param>
public sealed record PlotRequest(PlotFile File, Func<PlotFigure> Draw)
{
    /// <summary>Writes the image to the given path itself (an animation encodes many figures); null: the figure of
    /// <see cref="Draw"/> saved as PNG.</summary>
    public Action<string>? Write { get; init; }
}
