using NUnit.Framework;
using SkiaSharp;

namespace DescentLab.Tests.Support;

/// <summary>Frames of a rendered animation, decoded, and how much two of them differ.</summary>
internal static class GifFrames
{
    /// <summary>Frame <paramref name="index"/> of <paramref name="codec"/>, asserting that it decodes.</summary>
    public static SKBitmap Frame(SKCodec codec, int index)
    {
        var bitmap = new SKBitmap(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels(), new SKCodecOptions(index));
        Assert.That(result, Is.EqualTo(SKCodecResult.Success), $"frame {index} decodes");
        return bitmap;
    }

    /// <summary>The share of pixels that differ between two frames of the same size.</summary>
    public static double Differing(SKBitmap a, SKBitmap b)
    {
        long differing = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                differing += a.GetPixel(x, y) == b.GetPixel(x, y) ? 0 : 1;
            }
        }

        return (double)differing / (a.Width * a.Height);
    }
}
