using System.Globalization;
using Microsoft.Extensions.Options;

namespace DocManager.Previews;

/// <summary>
/// Turns a PDF into PNG images with poppler's `pdftoppm` (its page count from `pdfinfo`), both run
/// as contained programs: a page image at most <see cref="PageWidth"/> px wide, and a thumbnail of
/// the first page whose longest side is <see cref="ThumbnailSize"/> px. At most
/// <see cref="PreviewOptions.MaxPages"/> pages are rendered, whatever the document's length.
/// </summary>
public sealed class PdfRasterizer(ContainedPrograms programs, IOptions<PreviewOptions> options)
{
    public const int PageWidth = 1600;
    public const int ThumbnailSize = 400;

    /// <summary>Height over width beyond which a page is not rendered: 1,600 × 12,800 px at most (a long receipt fits).</summary>
    public const double MaxAspectRatio = 8;

    private const string Input = "input.pdf";

    /// <summary>The thumbnail and pages 1 to <see cref="PreviewOptions.MaxPages"/>.</summary>
    public Task<RasterResult> RenderAsync(Stream pdf, CancellationToken cancellationToken) =>
        RenderAsync(pdf, onlyPage: null, cancellationToken);

    /// <summary>The thumbnail and page <paramref name="page"/> (1-based) alone.</summary>
    public Task<RasterResult> RenderPageAsync(Stream pdf, int page, CancellationToken cancellationToken) =>
        RenderAsync(pdf, page, cancellationToken);

    private async Task<RasterResult> RenderAsync(Stream pdf, int? onlyPage, CancellationToken cancellationToken)
    {
        if (onlyPage < 1)
        {
            return RasterResult.Failure($"the PDF has no page {onlyPage}");
        }

        await using var workspace = programs.CreateWorkspace();
        await using (var input = File.Create(workspace.PathOf(Input)))
        {
            await pdf.CopyToAsync(input, cancellationToken);
        }

        var first = onlyPage ?? 1;
        var last = onlyPage ?? options.Value.MaxPages;
        // From page 1, since pdfinfo refuses a first page beyond the end (a last page beyond it is fine).
        var info = await workspace.RunAsync("pdfinfo", ["-f", "1", "-l", Number(last), Input], cancellationToken);
        if (!info.Succeeded)
        {
            return RasterResult.Failure("pdfinfo " + info.Reason);
        }

        if (PdfInfo.Parse(info.Output) is not { PageCount: > 0 } pdfInfo)
        {
            return RasterResult.Failure("pdfinfo reported no pages");
        }

        var pageCount = pdfInfo.PageCount;
        last = Math.Min(last, pageCount);
        if (first < 1 || first > pageCount)
        {
            return RasterResult.Failure($"the PDF has no page {first}");
        }

        if (TooTallPage(pdfInfo, first, last) is { } tooTall)
        {
            return RasterResult.Failure(tooTall);
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
            // pdftoppm pads page numbers to the width of the document's page count, however few pages it
            // renders: page-1.png of 9 pages, page-01.png of 10 to 99, page-001.png of 100 to 999.
            var file = workspace.PathOf($"page-{Number(page).PadLeft(Number(pageCount).Length, '0')}.png");
            if (!File.Exists(file))
            {
                return RasterResult.Failure($"pdftoppm made no image of page {page}");
            }

            var image = await File.ReadAllBytesAsync(file, cancellationToken);
            if (PngHeader.SizeOf(image)?.Width != PageWidth)
            {
                return RasterResult.Failure($"pdftoppm could not render page {page} at {PageWidth} px wide");
            }

            images.Add(image);
        }

        var thumbnailBytes = await File.ReadAllBytesAsync(workspace.PathOf("thumbnail.png"), cancellationToken);
        if (PngHeader.SizeOf(thumbnailBytes) is not { } size || Math.Max(size.Width, size.Height) != ThumbnailSize)
        {
            return RasterResult.Failure("pdftoppm could not render the thumbnail");
        }

        return RasterResult.Success(new RasterizedPdf(pageCount, first, images, thumbnailBytes));
    }

    /// <summary>
    /// A page much taller than wide would be a huge image at 1,600 px wide (a PDF bomb can be one
    /// point wide and metres tall); such a page is refused before anything is rendered.
    /// </summary>
    internal static string? TooTallPage(PdfInfo info, int first, int last)
    {
        for (var page = first; page <= last; page++)
        {
            if (info.PageSizes.TryGetValue(page, out var size) && (size.Width <= 0 || size.Height / size.Width > MaxAspectRatio))
            {
                return string.Create(CultureInfo.InvariantCulture, $"page {page} is too tall to render ({size.Width:0.#} × {size.Height:0.#} pt)");
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
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
