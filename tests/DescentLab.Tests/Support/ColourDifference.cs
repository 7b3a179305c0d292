namespace DescentLab.Tests.Support;

/// <summary>CIE76 colour difference (ΔE*ab in CIELAB, D65) between sRGB colours, as seen with normal vision or simulated
/// deuteranopia (Machado, Oliveira and Fernandes 2009, severity 1, applied in linear RGB).</summary>
public static class ColourDifference
{
    private static readonly double[,] Deuteranopia =
    {
        { 0.367322, 0.860646, -0.227968 },
        { 0.280085, 0.672501, 0.047413 },
        { -0.011820, 0.042940, 0.968881 },
    };

    /// <summary>ΔE between two sRGB colours (bytes), optionally as a deuteranope sees them.</summary>
    public static double DeltaE((byte R, byte G, byte B) a, (byte R, byte G, byte B) b, bool deuteranopia = false)
    {
        var la = Lab(Linear(a), deuteranopia);
        var lb = Lab(Linear(b), deuteranopia);
        return Math.Sqrt(Math.Pow(la.L - lb.L, 2) + Math.Pow(la.A - lb.A, 2) + Math.Pow(la.B - lb.B, 2));
    }

    private static double[] Linear((byte R, byte G, byte B) c) =>
        [Decode(c.R / 255.0), Decode(c.G / 255.0), Decode(c.B / 255.0)];

    private static double Decode(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);

    private static (double L, double A, double B) Lab(double[] rgb, bool deuteranopia)
    {
        if (deuteranopia)
        {
            var m = Deuteranopia;
            rgb = [Math.Clamp((m[0, 0] * rgb[0]) + (m[0, 1] * rgb[1]) + (m[0, 2] * rgb[2]), 0, 1),
                   Math.Clamp((m[1, 0] * rgb[0]) + (m[1, 1] * rgb[1]) + (m[1, 2] * rgb[2]), 0, 1),
                   Math.Clamp((m[2, 0] * rgb[0]) + (m[2, 1] * rgb[1]) + (m[2, 2] * rgb[2]), 0, 1)];
        }

        // sRGB (D65) to XYZ, then to L*a*b* relative to the D65 white.
        double x = ((0.4124 * rgb[0]) + (0.3576 * rgb[1]) + (0.1805 * rgb[2])) / 0.95047;
        double y = (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
        double z = ((0.0193 * rgb[0]) + (0.1192 * rgb[1]) + (0.9505 * rgb[2])) / 1.08883;
        double fx = F(x);
        double fy = F(y);
        double fz = F(z);
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
}
