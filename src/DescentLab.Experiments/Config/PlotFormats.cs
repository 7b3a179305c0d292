namespace DescentLab.Experiments.Config;

/// <summary>The image formats static plots are written in (<c>report.formats</c>); animations are always GIF.</summary>
public static class PlotFormats
{
    /// <summary>PNG: always written, the reports show it.</summary>
    public const string Png = "png";

    /// <summary>SVG: vector copies next to the PNGs, for slides and print.</summary>
    public const string Svg = "svg";

    /// <summary>Every format, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Png, Svg];
}
