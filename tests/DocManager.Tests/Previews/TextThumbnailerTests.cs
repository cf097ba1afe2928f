using System.Text;
using DocManager.Previews;
using SkiaSharp;

namespace DocManager.Tests.Previews;

/// <summary>Text files drawn as a page of their first lines, encoded as WebP.</summary>
public sealed class TextThumbnailerTests
{
    [Fact]
    public async Task TextFile_Becomes400PxWideWebp_WithTextDrawn()
    {
        using var text = new MemoryStream(Encoding.UTF8.GetBytes("Quarterly report\nrevenue;costs;margin\n1200;800;400\n"));

        var result = await TextThumbnailer.ThumbnailAsync(text, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        using var webp = TestImages.DecodeWebp(result.Image!.Bytes);
        Assert.Equal(400, webp.Width);
        Assert.True(DarkPixels(webp) > 100, "no text was drawn");
    }

    [Fact]
    public void LongText_IsCutTo30ClippedLines_WithoutControlCharacters()
    {
        var text = string.Join("\r\n", Enumerable.Range(1, 100).Select(i => $"line {i}\t\u001b[31m" + new string('x', 500)));

        var lines = TextThumbnailer.FirstLines(text);

        Assert.Equal(TextThumbnailer.MaxLines, lines.Count);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 60));
        Assert.All(lines, line => Assert.DoesNotContain(line, char.IsControl));
        Assert.StartsWith("line 1    [31mxx", lines[0], StringComparison.Ordinal);
    }

    private static int DarkPixels(SKBitmap bitmap)
    {
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                dark += pixel.Red < 128 && pixel.Green < 128 && pixel.Blue < 128 ? 1 : 0;
            }
        }

        return dark;
    }
}
