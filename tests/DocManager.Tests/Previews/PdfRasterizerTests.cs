using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DocManager.Tests.Previews;

/// <summary>PDFs rendered by the real pdftoppm; the sizes are read back from the PNG bytes it made.</summary>
public sealed class PdfRasterizerTests
{
    [Fact]
    public async Task EveryPage_IsRenderedAt1600PxWide_WithA400PxThumbnail()
    {
        var result = await RenderAsync(new PreviewOptions(), MultiPagePdf.Create("three.pdf", "first page", "second page", "third page"));

        Assert.True(result.Succeeded, result.FailureReason);
        var rendered = result.Pdf!;
        Assert.Equal(3, rendered.PageCount);
        Assert.Equal(3, rendered.Pages.Count);
        foreach (var page in rendered.Pages)
        {
            // A US Letter page (612 × 792 pt) keeps its proportions: 1600 × 2071.
            var (width, height) = PngSize.Of(page);
            Assert.Equal(PdfRasterizer.PageWidth, width);
            Assert.InRange(height, 2069, 2072);
        }

        var (thumbWidth, thumbHeight) = PngSize.Of(rendered.Thumbnail);
        Assert.Equal(PdfRasterizer.ThumbnailSize, Math.Max(thumbWidth, thumbHeight));
        Assert.InRange(thumbWidth, 308, 310);
    }

    [Fact]
    public async Task RenderedPngs_BecomeWebpPages1600PxWide_AndA400PxThumbnail()
    {
        var rendered = (await RenderAsync(new PreviewOptions(), MultiPagePdf.Create("one.pdf", "only page"))).Pdf!;
        var thumbnailer = new ImageThumbnailer(Options.Create(new PreviewOptions()));

        var page = thumbnailer.Page(rendered.Pages[0]);
        var thumbnail = thumbnailer.Thumbnail(rendered.Thumbnail);

        Assert.True(page.Succeeded, page.FailureReason);
        Assert.True(thumbnail.Succeeded, thumbnail.FailureReason);
        using var pageWebp = TestImages.DecodeWebp(page.Image!.Bytes);
        using var thumbnailWebp = TestImages.DecodeWebp(thumbnail.Image!.Bytes);
        Assert.Equal(PngSize.Of(rendered.Pages[0]), (pageWebp.Width, pageWebp.Height));
        Assert.Equal(PngSize.Of(rendered.Thumbnail), (thumbnailWebp.Width, thumbnailWebp.Height));
    }

    [Fact]
    public async Task PagesBeyondMaxPages_AreNotRendered_ButCounted()
    {
        var result = await RenderAsync(new PreviewOptions { MaxPages = 2 }, MultiPagePdf.Create("five.pdf", "1", "2", "3", "4", "5"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(5, result.Pdf!.PageCount);
        Assert.Equal(2, result.Pdf.Pages.Count);
    }

    [Fact]
    public async Task OnePage_CanBeRenderedAlone()
    {
        var rasterizer = Rasterizer(new PreviewOptions());
        var pdf = MultiPagePdf.Create("twelve.pdf", [.. Enumerable.Range(1, 12).Select(i => $"page {i}")]);

        using var stream = new MemoryStream(pdf.Content);
        var result = await rasterizer.RenderPageAsync(stream, 11, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(11, result.Pdf!.FirstPage);
        Assert.Equal(PdfRasterizer.PageWidth, PngSize.Of(Assert.Single(result.Pdf.Pages)).Width);

        using var again = new MemoryStream(pdf.Content);
        var missing = await rasterizer.RenderPageAsync(again, 13, TestContext.Current.CancellationToken);
        Assert.Equal("the PDF has no page 13", missing.FailureReason);
        using var third = new MemoryStream(pdf.Content);
        Assert.Equal("the PDF has no page 0", (await rasterizer.RenderPageAsync(third, 0, TestContext.Current.CancellationToken)).FailureReason);
    }

    [Fact]
    public async Task PageFarTallerThanWide_IsRefusedBeforeRendering()
    {
        // At 1,600 px wide this page would be 23 million px tall; poppler would answer with a 1 × 1 image.
        var result = await RenderAsync(new PreviewOptions(), MultiPagePdf.Create("bomb.pdf", (1, 14400), "tall"));

        Assert.False(result.Succeeded);
        Assert.Equal("page 1 is too tall to render (1 × 14400 pt)", result.FailureReason);
    }

    [Fact]
    public async Task LongReceiptPage_IsStillRendered()
    {
        var result = await RenderAsync(new PreviewOptions(), MultiPagePdf.Create("receipt.pdf", (200, 1500), "a long receipt"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal((PdfRasterizer.PageWidth, 12000), PngSize.Of(Assert.Single(result.Pdf!.Pages)));
        var (thumbWidth, thumbHeight) = PngSize.Of(result.Pdf.Thumbnail);
        Assert.Equal(PdfRasterizer.ThumbnailSize, thumbHeight);
        Assert.InRange(thumbWidth, 53, 54);
    }

    [Fact]
    public async Task PageBeyondTheMemoryLimit_EndsAsFailed_NotAsAOnePixelImage()
    {
        // pdftoppm answers a failed allocation with "Out of memory", a 1 × 1 PNG and exit code 0.
        var result = await RenderAsync(new PreviewOptions { MemoryLimitMegabytes = 40 }, MultiPagePdf.Create("receipt.pdf", (200, 1500), "a long receipt"));

        Assert.False(result.Succeeded);
        Assert.Equal("pdftoppm could not render page 1 at 1600 px wide", result.FailureReason);
    }

    [Fact]
    public async Task HangingPdftoppmOnThePath_EndsAsFailedAtTheTimeout()
    {
        using var doubles = new ProgramDoubles();
        doubles.Script("pdftoppm", "sleep 300");
        var options = new PreviewOptions { ProgramsFolder = doubles.Folder, Timeout = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await RenderAsync(options, MultiPagePdf.Create("one.pdf", "one"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("pdftoppm killed after the ", result.FailureReason, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task CorruptPdf_EndsAsFailed_NotAsAnException()
    {
        var result = await RenderAsync(new PreviewOptions(), TestFile.Pdf("corrupt.pdf"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("pdfinfo exit code", result.FailureReason, StringComparison.Ordinal);
    }

    private static PdfRasterizer Rasterizer(PreviewOptions options) =>
        new(ProgramDoubles.Runner(options), Options.Create(options));

    private static async Task<RasterResult> RenderAsync(PreviewOptions options, TestFile pdf)
    {
        using var stream = new MemoryStream(pdf.Content);
        return await Rasterizer(options).RenderAsync(stream, TestContext.Current.CancellationToken);
    }
}
