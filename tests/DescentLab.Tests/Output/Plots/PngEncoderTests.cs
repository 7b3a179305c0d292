using DescentLab.Output.Plots;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace DescentLab.Tests.Output.Plots;

/// <summary>The PNG writer against two independent decoders (ImageSharp's and libpng through Skia), the PNG
/// specification's fixed bytes, and Skia's own encoder's file size.</summary>
public sealed class PngEncoderTests
{
    /// <summary>Sizes below, at and across the 32-byte vector width (a row of 11 pixels is 33 bytes), and row padding.</summary>
    [TestCase(1, 1, 4)]
    [TestCase(2, 3, 8)]
    [TestCase(11, 4, 44)]
    [TestCase(37, 5, 160)]
    [TestCase(100, 7, 400)]
    [TestCase(257, 9, 1040)]
    public void RandomPremultipliedPixels_DecodeToTheirColourOverWhite_WithEitherDecoder(int width, int height, int rowBytes)
    {
        var random = new Random(width * 1000 + height);
        var pixels = new byte[rowBytes * height];
        random.NextBytes(pixels);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int at = (y * rowBytes) + (x * 4);

                // Premultiplied: no channel above alpha. Every fourth pixel opaque, some fully transparent.
                byte alpha = (x % 4) switch { 0 => 255, 1 => 0, _ => pixels[at + 3] };
                pixels[at + 3] = alpha;
                for (int c = 0; c < 3; c++)
                {
                    pixels[at + c] = (byte)(alpha == 0 ? 0 : pixels[at + c] % (alpha + 1));
                }
            }
        }

        byte[] png = PngEncoder.Encode(pixels, width, height, rowBytes);

        using var sharp = Image.Load<Rgb24>(png);
        using var skia = SKBitmap.Decode(png);
        Assert.That((sharp.Width, sharp.Height, skia.Width, skia.Height), Is.EqualTo((width, height, width, height)));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int at = (y * rowBytes) + (x * 4);
                int white = 255 - pixels[at + 3];
                var expected = ((byte)(pixels[at] + white), (byte)(pixels[at + 1] + white), (byte)(pixels[at + 2] + white));
                var fromSharp = sharp[x, y];
                var fromSkia = skia.GetPixel(x, y);
                Assert.That((fromSharp.R, fromSharp.G, fromSharp.B), Is.EqualTo(expected), $"ImageSharp, pixel ({x}, {y})");
                Assert.That((fromSkia.Red, fromSkia.Green, fromSkia.Blue, fromSkia.Alpha), Is.EqualTo((expected.Item1, expected.Item2, expected.Item3, (byte)255)), $"libpng, pixel ({x}, {y})");
            }
        }
    }

    [Test]
    public void Header_IsRgbEightBitsNotInterlaced_AndTheFileEndsWithTheSpecificationsIendChunk()
    {
        byte[] png = PngEncoder.Encode(new byte[4 * 3 * 2], 3, 2, 12);

        Assert.Multiple(() =>
        {
            Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            Assert.That(png[8..16], Is.EqualTo(new byte[] { 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }));
            Assert.That(png[16..29], Is.EqualTo(new byte[] { 0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0 }));

            // An empty IEND chunk's CRC-32 is the constant AE 42 60 82 that every PNG ends with.
            Assert.That(png[^12..], Is.EqualTo(new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }));
        });
    }

    [Test]
    public void RenderedFigure_IsAsSmallAsSkiasEncoderWithItsDefaultFilters_Within10Percent()
    {
        using var surface = SKSurface.Create(new SKImageInfo(1000, 560, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true, StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        var random = new Random(7);
        for (int line = 0; line < 12; line++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            using var path = new SKPath();
            path.MoveTo(40, 500);
            for (int x = 40; x <= 960; x += 8)
            {
                path.LineTo(x, (float)(500 - (440 * Math.Exp(-x / (100.0 + (40 * line))))));
            }

            canvas.DrawPath(path, paint);
        }

        using var pixels = surface.PeekPixels();
        byte[] ours = PngEncoder.Encode(pixels.GetPixelSpan(), 1000, 560, pixels.RowBytes);
        using var opaque = new SKBitmap(new SKImageInfo(1000, 560, SKColorType.Rgb888x, SKAlphaType.Opaque));
        using (var copy = new SKCanvas(opaque))
        {
            copy.DrawSurface(surface, 0, 0);
        }

        using var skias = opaque.Encode(SKEncodedImageFormat.Png, 100);
        Assert.That(ours.Length, Is.LessThan(skias.Size * 1.10), $"ours {ours.Length} B, Skia's {skias.Size} B");
    }
}
