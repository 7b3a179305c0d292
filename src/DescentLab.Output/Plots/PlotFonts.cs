using SkiaSharp;

namespace DescentLab.Output.Plots;

/// <summary>Chooses the font every plot uses, once per process.</summary>
/// <remarks>The Skia build ScottPlot brings has no fontconfig, so generic names resolve to whatever font is found first
/// (often a serif), and with no fonts at all text silently disappears (stack.md pitfalls 8 and 9).</remarks>
public static class PlotFonts
{
    /// <summary>The family asked for first.</summary>
    public const string Preferred = "DejaVu Sans";

    private static readonly Lazy<string> LazyFamily = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The family in use (set as ScottPlot's default on first access).</summary>
    /// <exception cref="InvalidOperationException">No font is installed: text would not render.</exception>
    public static string Family => LazyFamily.Value;

    private static string Resolve()
    {
        var installed = SKFontManager.Default.FontFamilies.ToArray();
        if (installed.Length == 0)
        {
            throw new InvalidOperationException(
                "No fonts are installed, so plot text would not render. Install one, e.g. 'apt-get install -y fonts-dejavu-core'.");
        }

        string family = installed.Contains(Preferred, StringComparer.Ordinal) ? Preferred : ScottPlot.Fonts.Default;
        ScottPlot.Fonts.Default = family;
        return family;
    }
}
