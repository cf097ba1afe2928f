using System.Diagnostics;
using DocManager.Previews;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DocManager.Tests.Previews;

/// <summary>Images turned into WebP previews in-process; every result is decoded back with Skia and measured.</summary>
public sealed class ImageThumbnailerTests
{
    private static readonly ImageThumbnailer Thumbnailer = new(Options.Create(new PreviewOptions()));

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 1200, 800, 400, 267)]
    [InlineData(SKEncodedImageFormat.Png, 100, 50, 100, 50)] // never upscaled
    [InlineData(SKEncodedImageFormat.Png, 2000, 3000, 267, 400)]
    [InlineData(SKEncodedImageFormat.Jpeg, 2000, 3000, 267, 400)]
    [InlineData(SKEncodedImageFormat.Webp, 2000, 3000, 267, 400)]
    public void Image_BecomesAWebp_WithItsLongestSideAtMost400Px(SKEncodedImageFormat format, int width, int height, int expectedWidth, int expectedHeight)
    {
        var result = Thumbnailer.Thumbnail(TestImages.Encoded(width, height, format));

        Assert.True(result.Succeeded, result.FailureReason);
        using var webp = TestImages.DecodeWebp(result.Image!.Bytes);
        Assert.Equal((expectedWidth, expectedHeight), (webp.Width, webp.Height));
        Assert.Equal((expectedWidth, expectedHeight), (result.Image.Width, result.Image.Height));
    }

    [Fact]
    public void Gif_BecomesAWebpOfItsFirstFrame()
    {
        // The smallest valid GIF: 1 × 1, a two-colour table, one image whose pixel is colour 0 (white).
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 255, 255, 255, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];

        var result = Thumbnailer.Thumbnail(gif);

        Assert.True(result.Succeeded, result.FailureReason);
        using var webp = TestImages.DecodeWebp(result.Image!.Bytes);
        Assert.Equal((1, 1), (webp.Width, webp.Height));
        Assert.Equal(SKColors.White, webp.GetPixel(0, 0));
    }

    [Fact]
    public void LargeJpeg_IsDecodedAlreadyDownsampled_NotAtFullSize()
    {
        using var codec = SKCodec.Create(new MemoryStream(TestImages.Encoded(4000, 3000, SKEncodedImageFormat.Jpeg)));

        // A 400 px thumbnail is a tenth; libjpeg decodes at an eighth directly (500 × 375), never at 4000 × 3000.
        using var decoded = ImageThumbnailer.Decode(codec, 0.1);

        Assert.NotNull(decoded);
        Assert.Equal((500, 375), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void JpegWithExifOrientation6_ComesOutTurnedUpright()
    {
        // Stored 600 × 300, left half red; shown turned 90° clockwise: 300 × 600 scaled to 200 × 400, red on top.
        var result = Thumbnailer.Thumbnail(TestImages.JpegWithOrientation(600, 300, orientation: 6));

        Assert.True(result.Succeeded, result.FailureReason);
        using var webp = TestImages.DecodeWebp(result.Image!.Bytes);
        Assert.Equal((200, 400), (webp.Width, webp.Height));
        Assert.True(IsRed(webp.GetPixel(100, 50)), $"top is {webp.GetPixel(100, 50)}");
        Assert.True(IsBlue(webp.GetPixel(100, 350)), $"bottom is {webp.GetPixel(100, 350)}");
    }

    [Fact]
    public void PngClaiming10GigapixelsInItsHeader_IsRefusedBeforeDecoding()
    {
        var bomb = TestImages.PngHeaderClaiming(100_000, 100_000);
        Thumbnailer.Thumbnail(TestImages.Png(10, 10)); // loads Skia first, so its start is not measured
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();

        var result = Thumbnailer.Thumbnail(bomb);

        clock.Stop();
        Assert.False(result.Succeeded);
        Assert.Contains("100000 × 100000 pixels", result.FailureReason, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        // Decoding would need 40 GB; refusing it costs a few kilobytes (the working set also moves with other tests' threads).
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, 0, 1024 * 1024);
        Assert.InRange(Process.GetCurrentProcess().WorkingSet64 - workingSetBefore, long.MinValue, 100L * 1024 * 1024);
    }

    [Fact]
    public void ImageAboveMaxPixels_IsRefused_AndOneWithin_IsNot()
    {
        var strict = new ImageThumbnailer(Options.Create(new PreviewOptions { MaxPixels = 1_000_000 }));

        Assert.False(strict.Thumbnail(TestImages.Png(1001, 1000)).Succeeded);
        Assert.True(strict.Thumbnail(TestImages.Png(1000, 1000)).Succeeded);
    }

    [Fact]
    public void CorruptJpeg_IsAFailureWithAReason()
    {
        var jpeg = TestImages.Encoded(400, 300, SKEncodedImageFormat.Jpeg);
        var truncated = jpeg[..(jpeg.Length / 2)];

        foreach (var corrupt in new[] { truncated, [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[300]] })
        {
            var result = Thumbnailer.Thumbnail(corrupt);

            Assert.False(result.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
        }
    }

    [Fact]
    public void BmpThatSkiaCouldDecode_IsStillRefused_AsUnsupported()
    {
        // A 1 × 1 24-bit BMP: "BM", file size, reserved, pixel offset 54; BITMAPINFOHEADER of 40 bytes; one padded pixel.
        byte[] bmp =
        [
            .. "BM"u8, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,
            40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 255, 0,
        ];

        var result = Thumbnailer.Thumbnail(bmp);

        Assert.False(result.Succeeded);
        Assert.Contains("Bmp", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsAFailureWithAReason()
    {
        var result = Thumbnailer.Thumbnail([]);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.FailureReason);
    }

    [Fact]
    public void PdfPagePng_BecomesA1600PxWideWebp()
    {
        var result = Thumbnailer.Page(TestImages.Png(2000, 2600));

        Assert.True(result.Succeeded, result.FailureReason);
        using var webp = TestImages.DecodeWebp(result.Image!.Bytes);
        Assert.Equal((1600, 2080), (webp.Width, webp.Height));
    }

    private static bool IsRed(SKColor color) => color.Red > 200 && color.Blue < 60;

    private static bool IsBlue(SKColor color) => color.Blue > 200 && color.Red < 60;
}
