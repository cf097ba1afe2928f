using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// Turns a PDF into PNG images with poppler's `pdftoppm` (its page count from `pdfinfo`), both run
/// as contained programs: a page image at most <see cref="PageWidth"/> px wide, and a thumbnail of
/// the first page whose longest side is <see cref="ThumbnailSize"/> px. At most
/// <see cref="PreviewOptions.MaxPages"/> pages are rendered, whatever the document's length.
/// </summary>
public sealed partial class PdfRasterizer(ContainedPrograms programs, IOptions<PreviewOptions> options)
{
    public const int PageWidth = 1600;
    public const int ThumbnailSize = 400;

    private const string Input = "input.pdf";

    /// <summary>The thumbnail and pages 1 to <see cref="PreviewOptions.MaxPages"/>.</summary>
    public Task<RasterResult> RenderAsync(Stream pdf, CancellationToken cancellationToken) =>
        RenderAsync(pdf, onlyPage: null, cancellationToken);

    /// <summary>The thumbnail and page <paramref name="page"/> (1-based) alone.</summary>
    public Task<RasterResult> RenderPageAsync(Stream pdf, int page, CancellationToken cancellationToken) =>
        RenderAsync(pdf, page, cancellationToken);

    private async Task<RasterResult> RenderAsync(Stream pdf, int? onlyPage, CancellationToken cancellationToken)
    {
        await using var workspace = programs.CreateWorkspace();
        await using (var input = File.Create(workspace.PathOf(Input)))
        {
            await pdf.CopyToAsync(input, cancellationToken);
        }

        var info = await workspace.RunAsync("pdfinfo", [Input], cancellationToken);
        if (!info.Succeeded)
        {
            return RasterResult.Failure("pdfinfo " + info.Reason);
        }

        if (PageCount(info.Output) is not { } pageCount || pageCount < 1)
        {
            return RasterResult.Failure("pdfinfo reported no pages");
        }

        var first = onlyPage ?? 1;
        var last = onlyPage ?? Math.Min(pageCount, options.Value.MaxPages);
        if (first < 1 || first > pageCount)
        {
            return RasterResult.Failure($"the PDF has no page {first}");
        }

        // -scale-to-x with -scale-to-y -1 fixes the width and keeps the page's proportions.
        var pages = await workspace.RunAsync("pdftoppm",
            ["-png", "-scale-to-x", Number(PageWidth), "-scale-to-y", "-1", "-f", Number(first), "-l", Number(last), Input, "page"], cancellationToken);
        if (!pages.Succeeded)
        {
            return RasterResult.Failure("pdftoppm " + pages.Reason);
        }

        var thumbnail = await workspace.RunAsync("pdftoppm",
            ["-png", "-scale-to", Number(ThumbnailSize), "-f", "1", "-l", "1", "-singlefile", Input, "thumbnail"], cancellationToken);
        if (!thumbnail.Succeeded)
        {
            return RasterResult.Failure("pdftoppm " + thumbnail.Reason);
        }

        var images = new List<byte[]>();
        for (var page = first; page <= last; page++)
        {
            // pdftoppm pads page numbers to the width of the last one: page-1.png, page-01.png, page-001.png.
            var file = workspace.PathOf($"page-{Number(page).PadLeft(Number(last).Length, '0')}.png");
            if (!File.Exists(file))
            {
                return RasterResult.Failure($"pdftoppm made no image of page {page}");
            }

            images.Add(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        var thumbnailBytes = await File.ReadAllBytesAsync(workspace.PathOf("thumbnail.png"), cancellationToken);
        return RasterResult.Success(new RasterizedPdf(pageCount, first, images, thumbnailBytes));
    }

    private static int? PageCount(string pdfinfoOutput)
    {
        var match = PagesLine().Match(pdfinfoOutput);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d{1,9})\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}

/// <summary>Page images (PNG) from <see cref="FirstPage"/> on, a thumbnail (PNG), and how many pages the PDF has in all.</summary>
public sealed record RasterizedPdf(int PageCount, int FirstPage, IReadOnlyList<byte[]> Pages, byte[] Thumbnail);

/// <summary>A rasterised PDF, or the short reason it could not be (a corrupt file, a timeout, a limit).</summary>
public sealed record RasterResult(RasterizedPdf? Pdf, string? FailureReason)
{
    public bool Succeeded => Pdf is not null;

    public static RasterResult Success(RasterizedPdf pdf) => new(pdf, null);

    public static RasterResult Failure(string reason) => new(null, reason);
}
