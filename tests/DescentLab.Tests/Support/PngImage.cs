using SkiaSharp;

namespace DescentLab.Tests.Support;

/// <summary>A decoded PNG and the measures the plot tests check.</summary>
public sealed class PngImage
{
    private PngImage(int width, int height, double variance, double darkShare)
    {
        Width = width;
        Height = height;
        LuminanceVariance = variance;
        DarkShare = darkShare;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Variance of pixel luminance (0..255 scale): near zero for a blank image.</summary>
    public double LuminanceVariance { get; }

    /// <summary>Share of pixels darker than mid-grey.</summary>
    public double DarkShare { get; }

    /// <summary>Decodes <paramref name="path"/>; throws if it is not an image.</summary>
    public static PngImage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != (byte)'P' || bytes[2] != (byte)'N' || bytes[3] != (byte)'G')
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidDataException($"{path} could not be decoded.");
        return Measure(bitmap, 0, bitmap.Height);
    }

    /// <summary>Decodes the first frame of the GIF at <paramref name="path"/>; throws if it is not a GIF.</summary>
    public static PngImage LoadFirstGifFrame(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 6 || System.Text.Encoding.ASCII.GetString(bytes, 0, 6) != "GIF89a")
        {
            throw new InvalidDataException($"{path} is not a GIF89a file.");
        }

        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidDataException($"{path} could not be decoded.");
        return Measure(bitmap, 0, bitmap.Height);
    }

    /// <summary>Measures rows [<paramref name="top"/>, <paramref name="bottom"/>) of <paramref name="bitmap"/>.</summary>
    public static PngImage Measure(SKBitmap bitmap, int top, int bottom)
    {
        double sum = 0;
        double sumSq = 0;
        long dark = 0;
        long count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                double l = (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
                sum += l;
                sumSq += l * l;
                dark += l < 128 ? 1 : 0;
                count++;
            }
        }

        double mean = sum / count;
        return new PngImage(bitmap.Width, bitmap.Height, (sumSq / count) - (mean * mean), dark / (double)count);
    }
}
