namespace DocManager.Previews;

/// <summary>
/// Makes a document's pictures by its kind: PDFs through pdftoppm, Office files through LibreOffice
/// then as PDFs, images through Skia, text drawn as its first lines. Every expected failure is a <see cref="PreviewResult"/>, never an exception,
/// so the job can record it as a failed preview instead of retrying a file that will never work.
/// </summary>
public sealed class PreviewMaker(PdfRasterizer pdfs, ImageThumbnailer images, OfficeConverter office)
{
    public async Task<PreviewResult> MakeAsync(PreviewKind kind, Stream file, string contentType, CancellationToken cancellationToken) => kind switch
    {
        PreviewKind.Office => await FromOfficeAsync(file, contentType, cancellationToken),
        PreviewKind.Pdf => await FromPdfAsync(file, cancellationToken),
        PreviewKind.Image => await FromImageAsync(file, cancellationToken),
        PreviewKind.Text => await FromTextAsync(file, cancellationToken),
        _ => PreviewResult.Failure($"{kind} files get no preview here"),
    };

    /// <summary>An Office file converted to PDF by LibreOffice, then previewed as that PDF.</summary>
    public async Task<PreviewResult> FromOfficeAsync(Stream document, string contentType, CancellationToken cancellationToken)
    {
        var converted = await office.ConvertAsync(document, contentType, cancellationToken);
        if (converted.Pdf is not { } pdf)
        {
            return PreviewResult.Failure(converted.FailureReason ?? "the file could not be converted");
        }

        using var stream = new MemoryStream(pdf, writable: false);
        return await FromPdfAsync(stream, cancellationToken);
    }

    /// <summary>A PDF's pages (from pdftoppm as PNG) re-encoded as WebP, the first as the thumbnail too.</summary>
    public async Task<PreviewResult> FromPdfAsync(Stream pdf, CancellationToken cancellationToken)
    {
        var rendered = await pdfs.RenderAsync(pdf, cancellationToken);
        if (rendered.Pdf is not { } raster)
        {
            return PreviewResult.Failure(rendered.FailureReason ?? "the PDF could not be rendered");
        }

        // Re-encoding is CPU work: off the job runner's thread so the instance stays responsive.
        return await Task.Run(() =>
        {
            var thumbnail = images.Thumbnail(raster.Thumbnail);
            if (thumbnail.Image is null)
            {
                return PreviewResult.Failure("thumbnail: " + thumbnail.FailureReason);
            }

            var pages = new List<WebpImage>(raster.Pages.Count);
            foreach (var png in raster.Pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = images.Page(png);
                if (page.Image is null)
                {
                    return PreviewResult.Failure($"page {pages.Count + 1}: {page.FailureReason}");
                }

                pages.Add(page.Image);
            }

            return PreviewResult.Success(new PreviewSet(thumbnail.Image, pages));
        }, cancellationToken);
    }

    private async Task<PreviewResult> FromImageAsync(Stream image, CancellationToken cancellationToken)
    {
        if (await ImageBytes.ReadAsync(image, cancellationToken) is not { } bytes)
        {
            return PreviewResult.Failure(ImageBytes.TooLarge);
        }

        return await Task.Run(() =>
        {
            var thumbnail = images.Thumbnail(bytes);
            if (thumbnail.Image is null)
            {
                return PreviewResult.Failure(thumbnail.FailureReason ?? "the image could not be read");
            }

            var page = images.Page(bytes);
            return page.Image is null
                ? PreviewResult.Failure(page.FailureReason ?? "the image could not be read")
                : PreviewResult.Success(new PreviewSet(thumbnail.Image, [page.Image]));
        }, cancellationToken);
    }

    private static async Task<PreviewResult> FromTextAsync(Stream text, CancellationToken cancellationToken)
    {
        var thumbnail = await TextThumbnailer.ThumbnailAsync(text, cancellationToken);
        return thumbnail.Image is null
            ? PreviewResult.Failure(thumbnail.FailureReason ?? "the text could not be drawn")
            : PreviewResult.Success(new PreviewSet(thumbnail.Image, []));
    }
}
