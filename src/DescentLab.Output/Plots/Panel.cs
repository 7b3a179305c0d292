namespace DescentLab.Output.Plots;

/// <summary>The lines one small-multiple panel carries.</summary>
/// <param name="Title">Family name, with "(k/m)" when a family is split.</param>
/// <param name="Items">What the panel draws, one line each.</param>
public sealed record Panel<T>(string Title, IReadOnlyList<T> Items)
{
    /// <summary>What the panel leaves out, e.g. <c>sgd: 12 of 4000 settings</c> for a sampled sweep; null when nothing.</summary>
    public string? Sampled { get; init; }

    /// <summary>The title with what it leaves out in brackets: <c>plain gradient descent [sgd: 12 of 4000 settings]</c>.</summary>
    public string FullTitle => Sampled is null ? Title : $"{Title} [{Sampled}]";

    /// <summary>The panel's title in a figure, "TITLE: <paramref name="subject"/>", with what it leaves out on a second line
    /// (on one line, a sampled sweep's title outgrew a half-width panel and ran into its neighbour's).</summary>
    public string FigureTitle(string subject) => Sampled is null ? $"{Title}: {subject}" : $"{Title}: {subject}\n[{Sampled}]";
}
