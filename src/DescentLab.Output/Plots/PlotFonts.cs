using SkiaSharp;

namespace DescentLab.Output.Plots;

/// <summary>Chooses the font every plot uses. <see cref="Configure"/> sets ScottPlot's process-wide default once, at
/// start-up (Host starts it, with <see cref="ConfigureInBackground"/>, as it builds the host of any command); plotting
/// never sets it on first use.</summary>
/// <remarks>The Skia build ScottPlot brings has no fontconfig, so generic names resolve to whatever font is found first
/// (often a serif), and with no fonts at all text silently disappears.</remarks>
public static class PlotFonts
{
    /// <summary>The family asked for first.</summary>
    public const string Preferred = "DejaVu Sans";

    private static string? _family;
    private static Task? _configuring;
    private static string _problem = "Plot fonts were not configured: call PlotFonts.Configure() once at start-up.";

    /// <summary>The family in use, as set by <see cref="Configure"/>.</summary>
    /// <remarks>Waits for <see cref="ConfigureInBackground"/> if it is still running.</remarks>
    /// <exception cref="InvalidOperationException">No font is installed (text would not render), or
    /// <see cref="Configure"/> was never called.</exception>
    public static string Family
    {
        get
        {
            Volatile.Read(ref _configuring)?.Wait();
            return Volatile.Read(ref _family) ?? throw new InvalidOperationException(_problem);
        }
    }

    /// <summary><see cref="Configure"/> on a thread-pool thread, then one small figure rendered and dropped, so loading
    /// Skia, the font and the PNG encoder (about 0.1 s) overlaps planning and the runs instead of delaying the first plot.
    /// <see cref="Family"/> waits for it, so every plot still sees the configured font.</summary>
    public static void ConfigureInBackground()
    {
        Volatile.Write(ref _configuring, Task.Run(() =>
        {
            try
            {
                if (Configure() is null)
                {
                    PlotFigure.WarmUp(_family!);
                }
            }
            catch (Exception ex)
            {
                // Skia itself could not load: every plot fails with this message, which the report lists.
                _problem = $"Plots cannot be drawn: {ex.Message}";
                Volatile.Write(ref _family, null);
            }
        }));
    }

    /// <summary>Picks <see cref="Preferred"/> if installed (else ScottPlot's own choice) and makes it ScottPlot's default.</summary>
    /// <returns>Null on success; otherwise why plots cannot show text (then every plot fails with that message).</returns>
    public static string? Configure()
    {
        var installed = SKFontManager.Default.FontFamilies.ToArray();
        if (installed.Length == 0)
        {
            _problem = "No fonts are installed, so plot text would not render. Install one, e.g. 'apt-get install -y fonts-dejavu-core'.";
            Volatile.Write(ref _family, null);
            return _problem;
        }

        string family = installed.Contains(Preferred, StringComparer.Ordinal) ? Preferred : ScottPlot.Fonts.Default;
        ScottPlot.Fonts.Default = family;
        Volatile.Write(ref _family, family);
        return null;
    }
}
