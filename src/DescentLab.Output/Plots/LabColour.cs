using ScottPlot;

namespace DescentLab.Output.Plots;

/// <summary>A colour in CIELAB (D65): lightness <paramref name="L"/> (0–100) and the opponent axes <paramref name="A"/>
/// and <paramref name="B"/>, where the distance between two colours (CIE76 ΔE) approximates how different they look.</summary>
/// <param name="L">Lightness.</param>
/// <param name="A">Green (negative) to red (positive).</param>
/// <param name="B">Blue (negative) to yellow (positive).</param>
public readonly record struct LabColour(double L, double A, double B)
{
    /// <summary>Deuteranopia (the commonest colour-vision deficiency) in linear RGB: Machado, Oliveira and Fernandes
    /// (2009), severity 1.</summary>
    private static readonly double[,] Deuteranopia =
    {
        { 0.367322, 0.860646, -0.227968 },
        { 0.280085, 0.672501, 0.047413 },
        { -0.011820, 0.042940, 0.968881 },
    };

    /// <summary>The CIELAB coordinates of an sRGB colour (alpha ignored).</summary>
    public static LabColour Of(Color colour) => FromLinear(Decode(colour.R / 255.0), Decode(colour.G / 255.0), Decode(colour.B / 255.0));

    /// <summary>The CIELAB coordinates of an sRGB colour as a deuteranope sees it (alpha ignored).</summary>
    public static LabColour OfDeuteranope(Color colour)
    {
        double[] rgb = [Decode(colour.R / 255.0), Decode(colour.G / 255.0), Decode(colour.B / 255.0)];
        var m = Deuteranopia;
        return FromLinear(
            Math.Clamp((m[0, 0] * rgb[0]) + (m[0, 1] * rgb[1]) + (m[0, 2] * rgb[2]), 0, 1),
            Math.Clamp((m[1, 0] * rgb[0]) + (m[1, 1] * rgb[1]) + (m[1, 2] * rgb[2]), 0, 1),
            Math.Clamp((m[2, 0] * rgb[0]) + (m[2, 1] * rgb[1]) + (m[2, 2] * rgb[2]), 0, 1));
    }

    private static LabColour FromLinear(double r, double g, double b)
    {
        double x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        double y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        double z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        double fx = F(x);
        double fy = F(y);
        double fz = F(z);
        return new((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>The colour of lightness <paramref name="l"/>, chroma <paramref name="chroma"/> and hue
    /// <paramref name="hueDegrees"/>, with the chroma reduced until it lies in the sRGB gamut.</summary>
    public static LabColour FromLch(double l, double chroma, double hueDegrees)
    {
        double h = hueDegrees * Math.PI / 180;
        for (double c = chroma; ; c *= 0.9)
        {
            var lab = new LabColour(l, c * Math.Cos(h), c * Math.Sin(h));
            if (lab.InGamut || c < 1)
            {
                return lab;
            }
        }
    }

    /// <summary>Chroma (distance from grey).</summary>
    public double Chroma => Math.Sqrt((A * A) + (B * B));

    /// <summary>Hue angle in degrees, 0–360.</summary>
    public double Hue => ((Math.Atan2(B, A) * 180 / Math.PI) + 360) % 360;

    /// <summary>CIE76 colour difference: the Euclidean distance in CIELAB.</summary>
    public double DeltaE(LabColour other) =>
        Math.Sqrt(((L - other.L) * (L - other.L)) + ((A - other.A) * (A - other.A)) + ((B - other.B) * (B - other.B)));

    /// <summary>The sRGB colour (rounded to bytes, clipped to the gamut).</summary>
    public Color ToColor()
    {
        var (r, g, b) = Linear();
        return new Color(Encode(r), Encode(g), Encode(b));
    }

    private bool InGamut
    {
        get
        {
            var (r, g, b) = Linear();
            const double Slack = 1e-9;
            return r is >= -Slack and <= 1 + Slack && g is >= -Slack and <= 1 + Slack && b is >= -Slack and <= 1 + Slack;
        }
    }

    private (double R, double G, double B) Linear()
    {
        double fy = (L + 16) / 116;
        double fx = fy + (A / 500);
        double fz = fy - (B / 200);
        double x = FInverse(fx) * 0.95047;
        double y = FInverse(fy);
        double z = FInverse(fz) * 1.08883;
        return ((3.2406 * x) - (1.5372 * y) - (0.4986 * z),
                (-0.9689 * x) + (1.8758 * y) + (0.0415 * z),
                (0.0557 * x) - (0.2040 * y) + (1.0570 * z));
    }

    private static double Decode(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);

    private static byte Encode(double linear)
    {
        double v = Math.Clamp(linear, 0, 1);
        double s = v <= 0.0031308 ? 12.92 * v : (1.055 * Math.Pow(v, 1 / 2.4)) - 0.055;
        return (byte)Math.Round(s * 255);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;

    private static double FInverse(double f) => f * f * f > 216.0 / 24389 ? f * f * f : ((116 * f) - 16) * 27 / 24389;
}
