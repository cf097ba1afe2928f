using System.Diagnostics;
using DocManager.Extraction;
using DocManager.Ocr;
using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DocManager.Tests.Ocr;

/// <summary>
/// SPEC §8 "Text from scans": the real tesseract and pdftoppm, run contained, reading words the tests
/// printed themselves; hostile and broken files end as failed results, never as exceptions.
/// </summary>
public sealed class OcrReaderTests : IDisposable
{
    private readonly ProgramDoubles doubles = new();

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public async Task PrintedWord_IsReadFromAnImage(SKEncodedImageFormat format)
    {
        var result = await ReadImageAsync(Reader(), Scans.Word("Harbour", format));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("harbour", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task PhotoStoredSideways_IsReadAsItsExifOrientationShowsIt()
    {
        var sideways = TestImages.WithOrientation(Scans.Word("Lantern", SKEncodedImageFormat.Jpeg, turned: true), orientation: 6);

        var result = await ReadImageAsync(Reader(), sideways);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("lantern", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DarkTextOnATransparentBackground_IsReadAsIfOnWhite()
    {
        var result = await ReadImageAsync(Reader(), Scans.Word("Meadow", transparent: true));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("meadow", result.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ImageOnlyPdf_HasNoTextLayer_SoItNeedsOcr()
    {
        var pdf = Scans.ImageOnlyPdf("Harbour", "Lantern");
        var extractor = new TextExtractor(Options.Create(new ExtractionLimits()));

        var extracted = extractor.Extract(new MemoryStream(pdf), "application/pdf", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("harbour", extracted.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(OcrReader.NeedsOcr(extracted.Text, pageCount: 2));
    }

    [Fact]
    public async Task ImageOnlyPdf_PagesAreReadInOrder_WithAFormFeedBeforeEachNextPage()
    {
        using var pdf = new MemoryStream(Scans.ImageOnlyPdf("Harbour", "Lantern"));

        var result = await Reader().ReadPdfAsync(pdf, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        var pages = result.Text!.Split(OcrReader.PageSeparator);
        Assert.Equal(2, pages.Length);
        Assert.Contains("harbour", pages[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lantern", pages[1], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lantern", pages[0], StringComparison.OrdinalIgnoreCase);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task PagesBeyondMaxPages_AreNotRead_AndTheTextSaysItIsTruncated()
    {
        using var pdf = new MemoryStream(Scans.ImageOnlyPdf("Harbour", "Lantern"));

        var result = await Reader(new PreviewOptions { MaxPages = 1 }).ReadPdfAsync(pdf, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.DoesNotContain(OcrReader.PageSeparator, result.Text!);
        Assert.DoesNotContain("lantern", result.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task TextBeyondMaxCharacters_IsCut_AndTheTextSaysItIsTruncated()
    {
        using var pdf = new MemoryStream(Scans.ImageOnlyPdf("Harbour", "Lantern"));

        var result = await Reader(limits: new ExtractionLimits { MaxCharacters = 4 }).ReadPdfAsync(pdf, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("Harb", result.Text);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task ImageWhoseHeaderClaims100000By100000Pixels_FailsWithoutBeingDecoded()
    {
        var bomb = TestImages.PngHeaderClaiming(100_000, 100_000);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var result = await ReadImageAsync(Reader(), bomb);

        Assert.False(result.Succeeded);
        Assert.Contains("100000 × 100000 pixels", result.FailureReason, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        // Decoding would need 40 GB; refusing it costs a few kilobytes.
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, 0, 1024 * 1024);
    }

    [Fact]
    public async Task CorruptImages_FailWithAReason()
    {
        var png = Scans.Word("Harbour");
        foreach (var corrupt in new[] { png[..(png.Length / 2)], "not an image at all"u8.ToArray(), [] })
        {
            var result = await ReadImageAsync(Reader(), corrupt);

            Assert.False(result.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
        }
    }

    [Fact]
    public async Task CorruptPdfs_FailWithAReason()
    {
        var pdf = Scans.ImageOnlyPdf("Harbour");
        foreach (var corrupt in new[] { pdf[..(pdf.Length / 3)], "%PDF-1.4\nnothing else"u8.ToArray(), [] })
        {
            using var stream = new MemoryStream(corrupt);
            var result = await Reader().ReadPdfAsync(stream, TestContext.Current.CancellationToken);

            Assert.False(result.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
        }
    }

    [Fact]
    public async Task PageFarTallerThanWide_IsRefusedBeforeRendering()
    {
        using var pdf = new MemoryStream(MultiPagePdf.Create("bomb.pdf", (10, 5000), "tall").Content);

        var result = await Reader().ReadPdfAsync(pdf, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("too tall", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangingTesseract_EndsAsFailed_WithinTheTimeout()
    {
        doubles.Script(OcrReader.Program, "sleep 300");
        var reader = Reader(new PreviewOptions { ProgramsFolder = doubles.Folder, Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var result = await ReadImageAsync(reader, Scans.Word("Harbour"));

        Assert.False(result.Succeeded);
        Assert.Matches(@"^tesseract killed after the [\d.]+ s timeout$", result.FailureReason);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Tesseract_RunsWithOneOpenMpThread_OnTheConfiguredLanguages()
    {
        // Debian's tesseract is built with OpenMP: unbounded, its threads took 14 s of wall clock for a
        // page that one thread reads in 2 s on two cores.
        doubles.Script(OcrReader.Program, "echo \"$OMP_THREAD_LIMIT $*\" > {evidence}/run\necho Harbour > \"$2.txt\"");
        var reader = Reader(new PreviewOptions { ProgramsFolder = doubles.Folder }, new OcrOptions { Enabled = true, Languages = "eng+deu" });

        var result = await ReadImageAsync(reader, Scans.Word("Harbour"));

        Assert.Equal("Harbour", result.Text);
        Assert.Equal("1 scan.png scan -l eng+deu\n", doubles.Evidence("run"));
    }

    [Fact]
    public async Task WhenOcrIsTurnedOff_NothingRuns()
    {
        doubles.Script(OcrReader.Program, "touch {evidence}/ran");
        var reader = Reader(new PreviewOptions { ProgramsFolder = doubles.Folder }, new OcrOptions { Enabled = false });

        var result = await ReadImageAsync(reader, Scans.Word("Harbour"));

        Assert.False(reader.Enabled);
        Assert.Equal("OCR is turned off (Ocr:Enabled)", result.FailureReason);
        Assert.False(File.Exists(Path.Combine(doubles.Folder, "ran")));
    }

    [Fact]
    public async Task UnsupportedContentType_IsAFailure_NotAnException()
    {
        using var text = new MemoryStream("Harbour"u8.ToArray());

        var result = await Reader().ReadAsync(text, "text/plain", TestContext.Current.CancellationToken);

        Assert.Equal("text/plain files are not read by OCR", result.FailureReason);
    }

    private static Task<OcrResult> ReadImageAsync(OcrReader reader, byte[] image) =>
        reader.ReadImageAsync(new MemoryStream(image), TestContext.Current.CancellationToken);

    private static OcrReader Reader(PreviewOptions? previews = null, OcrOptions? ocr = null, ExtractionLimits? limits = null)
    {
        previews ??= new PreviewOptions();
        return new OcrReader(
            ProgramDoubles.Runner(previews),
            Options.Create(ocr ?? new OcrOptions { Enabled = true }),
            Options.Create(previews),
            Options.Create(limits ?? new ExtractionLimits()));
    }

    public void Dispose() => doubles.Dispose();
}
