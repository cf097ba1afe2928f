using System.Text;
using SkiaSharp;

namespace DocManager.Previews;

/// <summary>
/// A thumbnail of a text file (txt, csv, md): its first lines in a monospace font on a white
/// <see cref="Width"/> × <see cref="Height"/> px page, as WebP. Only the first bytes are read, so a
/// huge file costs no more than a small one.
/// </summary>
public static class TextThumbnailer
{
    public const int Width = ImageThumbnailer.ThumbnailSize;
    public const int Height = 520;
    public const int MaxLines = 30;

    private const float FontSize = 12;
    private const float LineHeight = 16;
    private const float Margin = 12;

    /// <summary>More than 30 lines of 60 characters; a longer first line is clipped anyway.</summary>
    private const int MaxBytesRead = 8 * 1024;

    /// <summary>Columns that fit the page at this font size; the rest of a line is not drawn.</summary>
    private const int MaxColumns = 60;

    private const string MonospaceFont = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    // The NoDependencies Skia has no fontconfig, so the font is loaded from its Debian path (fonts-dejavu-core).
    private static readonly Lazy<SKTypeface> Typeface = new(() => SKTypeface.FromFile(MonospaceFont) ?? SKTypeface.Default);

    public static async Task<ImagePreviewResult> ThumbnailAsync(Stream text, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytesRead];
        var length = await text.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Thumbnail(FirstLines(Encoding.UTF8.GetString(buffer, 0, length)));
    }

    /// <summary>The lines to draw: at most <see cref="MaxLines"/>, clipped, tabs as spaces, control characters left out.</summary>
    internal static IReadOnlyList<string> FirstLines(string text) =>
        [.. text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Take(MaxLines).Select(Printable)];

    private static string Printable(string line)
    {
        var printable = new StringBuilder(Math.Min(line.Length, MaxColumns));
        foreach (var c in line.Replace("\t", "    ", StringComparison.Ordinal))
        {
            if (printable.Length == MaxColumns)
            {
                break;
            }

            // Escape sequences and other control characters would draw as boxes or move nothing useful.
            if (!char.IsControl(c))
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    private static ImagePreviewResult Thumbnail(IReadOnlyList<string> lines)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (surface is null)
        {
            return ImagePreviewResult.Failure("no memory for the preview");
        }

        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        // Lines longer than the page are cut at its margin, not drawn over it.
        canvas.ClipRect(new SKRect(Margin, Margin, Width - Margin, Height - Margin));
        using var font = new SKFont(Typeface.Value, FontSize);
        using var paint = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true };
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], Margin, Margin + FontSize + (i * LineHeight), SKTextAlign.Left, font, paint);
        }

        return ImageThumbnailer.Encode(surface, Width, Height);
    }
}
