using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocManager.Tests.Ocr;

/// <summary>
/// What a scanner would make of a printed word, drawn by the tests themselves: the word in DejaVu Sans
/// at 48 px, black on white (or on nothing), as an image file or as the only content of a PDF's pages.
/// </summary>
public static class Scans
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const float FontSize = 48;
    private const float Margin = 40;

    /// <summary>The dots per inch the word images stand for when placed on a PDF page.</summary>
    private const double Dpi = 300;

    /// <summary>The word as an image file; <paramref name="turned"/> stores it turned a quarter to the left, as a phone held sideways does.</summary>
    public static byte[] Word(string word, SKEncodedImageFormat format = SKEncodedImageFormat.Png, bool transparent = false, bool turned = false)
    {
        using var typeface = SKTypeface.FromFile(Font) ?? throw new InvalidOperationException($"{Font} is missing (fonts-dejavu-core)");
        using var font = new SKFont(typeface, FontSize);
        var width = (int)(font.MeasureText(word) + (2 * Margin));
        var height = (int)(FontSize + (2 * Margin));
        using var bitmap = new SKBitmap(turned ? height : width, turned ? width : height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            if (turned)
            {
                // The upright word's top edge becomes the stored image's left edge: EXIF orientation 6 turns it back.
                canvas.Translate(0, width);
                canvas.RotateDegrees(-90);
            }

            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(word, Margin, Margin + FontSize, SKTextAlign.Left, font, ink);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>An A4 PDF with one page per word, each page holding only the word's image (no text layer), printed at 300 dpi.</summary>
    public static byte[] ImageOnlyPdf(params string[] pageWords)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var word in pageWords)
        {
            var png = Word(word);
            using var bitmap = SKBitmap.Decode(png);
            var (width, height) = (bitmap.Width * 72 / Dpi, bitmap.Height * 72 / Dpi);
            var page = builder.AddPage(PageSize.A4);
            var top = page.PageSize.Height - 72;
            page.AddPng(png, new PdfRectangle(72, top - height, 72 + width, top));
        }

        return builder.Build();
    }
}
