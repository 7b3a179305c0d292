namespace DescentLab.Output.Plots;

/// <summary>The lines one small-multiple panel carries.</summary>
/// <param name="Title">Family name, with "(k/m)" when a family is split.</param>
/// <param name="Items">What the panel draws, one line each.</param>
public sealed record Panel<T>(string Title, IReadOnlyList<T> Items);
