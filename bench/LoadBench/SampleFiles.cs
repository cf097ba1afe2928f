using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DocManager.Bench.Load;

/// <summary>
/// Real files for the preview rows, made here rather than shipped: photographs (a gradient sky, shapes,
/// a caption) as JPEG, PDFs with a text layer of real words on every page (PdfPig), and an A4 page of
/// printed text at 300 dpi as PNG (what a scanner makes), all deterministic for a given seed.
/// </summary>
public static class SampleFiles
{
    /// <summary>Debian's DejaVu (fonts-dejavu-core): Skia here is built without fontconfig, so the font is loaded by path.</summary>
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const double A4WidthInches = 210 / 25.4;
    private const double A4HeightInches = 297 / 25.4;

    /// <summary>A photograph-like JPEG of <paramref name="width"/> × <paramref name="height"/> px.</summary>
    public static byte[] Photo(int seed, int width, int height, string caption)
    {
        var random = new Random(seed);
        SKColor Colour() => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using (var sky = new SKPaint())
            {
                sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width * 0.3f, height), [Colour(), Colour(), Colour()], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, width, height, sky);
            }

            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 40; i++)
            {
                paint.Color = Colour().WithAlpha((byte)random.Next(80, 230));
                var (x, y, r) = (random.Next(width), random.Next(height), random.Next(width / 40, width / 6));
                if (i % 2 == 0)
                {
                    canvas.DrawCircle(x, y, r, paint);
                }
                else
                {
                    canvas.DrawRect(x, y, r * 1.6f, r, paint);
                }
            }

            // Fine grain, as a camera's sensor leaves it (what makes photographs compress like photographs): a tile of noise repeated.
            using (var grain = Grain(random))
            using (var shader = grain.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat))
            using (var noise = new SKPaint { Shader = shader })
            {
                canvas.DrawRect(0, 0, width, height, noise);
            }

            using var typeface = Typeface();
            using var font = new SKFont(typeface, height / 14f);
            paint.Color = SKColors.White;
            canvas.DrawText(caption, width / 20f, height - (height / 12f), SKTextAlign.Left, font, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }

    /// <summary>An A4 PDF of <paramref name="pages"/> pages, each with a heading and about 40 lines of words in its text layer.</summary>
    public static byte[] Pdf(int pages, int seed, IReadOnlyList<string> words)
    {
        var random = new Random(seed);
        string Line(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Count)]));
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var number = 1; number <= pages; number++)
        {
            var page = builder.AddPage(PageSize.A4);
            var top = page.PageSize.Height - 72;
            page.AddText($"Page {number}: {Line(4)}", 16, new PdfPoint(72, top), bold);
            for (var line = 0; line < 40; line++)
            {
                page.AddText(Line(11), 10, new PdfPoint(72, top - 32 - (line * 15)), regular);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// An A4 page of printed text as a 300 dpi grayscale-looking PNG (2480 × 3508 px): a heading and
    /// <paramref name="lines"/> lines of 11 pt DejaVu Sans words, black on white, as a scanner would make it.
    /// </summary>
    public static byte[] PrintedPage(int seed, IReadOnlyList<string> words, int lines = 43)
    {
        const int Dpi = 300;
        var random = new Random(seed);
        var (width, height) = ((int)Math.Round(A4WidthInches * Dpi), (int)Math.Round(A4HeightInches * Dpi));
        float Points(double points) => (float)(points / 72 * Dpi);
        var margin = Points(72);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var typeface = Typeface();
            using var heading = new SKFont(typeface, Points(16));
            using var body = new SKFont(typeface, Points(11));
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = margin + Points(16);
            canvas.DrawText("Quarterly report of the archive", margin, y, SKTextAlign.Left, heading, ink);
            y += Points(30);
            for (var line = 0; line < lines; line++)
            {
                var text = "";
                while (true)
                {
                    var next = (text.Length == 0 ? "" : text + " ") + words[random.Next(words.Count)];
                    if (body.MeasureText(next) > width - (2 * margin))
                    {
                        break;
                    }

                    text = next;
                }

                canvas.DrawText(text, margin, y, SKTextAlign.Left, body, ink);
                y += Points(15);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static SKImage Grain(Random random)
    {
        const int Size = 97;
        using var tile = new SKBitmap(Size, Size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var light = (byte)(random.Next(2) * 255);
                tile.SetPixel(x, y, new SKColor(light, light, light, (byte)random.Next(0, 48)));
            }
        }

        return SKImage.FromBitmap(tile);
    }

    private static SKTypeface Typeface() =>
        SKTypeface.FromFile(Font) ?? throw new InvalidOperationException($"{Font} is missing (Debian's fonts-dejavu-core)");
}
