using System.Diagnostics;
using DocManager.Intake;
using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace DocManager.Tests.Previews;

/// <summary>
/// Office files become PDFs through the real LibreOffice (Debian's `soffice`), contained like every
/// program; the misbehaving converters are `soffice` doubles found first through `ProgramsFolder`.
/// Real conversions are few: each starts LibreOffice with a new profile.
/// </summary>
public sealed class OfficeConverterTests : IDisposable
{
    // LibreOffice's first start creates its profile; a loaded machine may take a while.
    private static readonly PreviewOptions RealLibreOffice = new() { Office = "soffice", Timeout = TimeSpan.FromSeconds(120) };

    private readonly ProgramDoubles doubles = new();

    [Theory]
    [InlineData("docx", 1, "Quarterly")]
    [InlineData("xlsx", 1, "Revenue")]
    [InlineData("pptx", 2, "Roadmap")]
    public async Task OfficeFile_BecomesAPdfWithItsText_WhosePagesRenderAt1600PxWide(string kind, int pages, string word)
    {
        var (file, contentType) = kind switch
        {
            "docx" => (TextDocuments.Docx("report.docx", "Quarterly report", "Sales rose."), FileKinds.Docx),
            "xlsx" => (TextDocuments.Xlsx("figures.xlsx", "Revenue", "1200", "Costs", "800"), FileKinds.Xlsx),
            _ => (TextDocuments.Pptx("deck.pptx", "Roadmap", "Next steps"), FileKinds.Pptx),
        };

        var result = await ConvertAsync(RealLibreOffice, file.Content, contentType);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(result.Pdf!, 0, 5), StringComparison.Ordinal);
        using (var pdf = PdfDocument.Open(result.Pdf!))
        {
            Assert.Equal(pages, pdf.NumberOfPages);
            Assert.Contains(word, string.Join(' ', pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        using var stream = new MemoryStream(result.Pdf!);
        var rendered = await new PdfRasterizer(ProgramDoubles.Runner(RealLibreOffice), Options.Create(RealLibreOffice))
            .RenderAsync(stream, TestContext.Current.CancellationToken);
        Assert.True(rendered.Succeeded, rendered.FailureReason);
        Assert.Equal(pages, rendered.Pdf!.Pages.Count);
        Assert.All(rendered.Pdf.Pages, page => Assert.Equal(PdfRasterizer.PageWidth, PngSize.Of(page).Width));
    }

    [Fact]
    public async Task CorruptDocx_EndsAsAResult_NeverAsAnException()
    {
        var result = await ConvertAsync(RealLibreOffice, ZipPackages.GarbageDocx(), FileKinds.Docx);

        Assert.False(result.Succeeded);
        Assert.StartsWith("LibreOffice made no PDF", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZipBombPosingAsDocx_IsRefusedFromItsDirectory_BeforeTheConverterStarts()
    {
        var converter = doubles.Script("soffice", "touch {evidence}/started");
        var bomb = Path.Combine(doubles.Folder, "bomb.docx");
        ZipPackages.WriteZeroBomb(bomb, megabytes: 1024);

        await using var file = File.OpenRead(bomb);
        var result = await Converter(Double(converter)).ConvertAsync(file, FileKinds.Docx, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("the package's parts declare more than 200 MB uncompressed", result.FailureReason);
        Assert.False(File.Exists(Path.Combine(doubles.Folder, "started")), "the converter was started");
    }

    [Fact]
    public async Task ZipBombWhoseDirectoryLies_PassesTheCheck_ButStillEndsAsFailed()
    {
        var bomb = Path.Combine(doubles.Folder, "liar.docx");
        ZipPackages.WriteLyingBomb(bomb, megabytes: 300);
        await using var file = File.OpenRead(bomb);
        Assert.Null(OfficePackage.Refusal(file));
        file.Position = 0;

        var result = await Converter(RealLibreOffice).ConvertAsync(file, FileKinds.Docx, TestContext.Current.CancellationToken);

        // LibreOffice notices the part outgrowing its header; were it to inflate on, the memory limit would end it.
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.FailureReason));
    }

    [Fact]
    public void PackageInflatingFarBeyondItsSize_IsRefused_EvenUnderTheSizeBound()
    {
        var bomb = Path.Combine(doubles.Folder, "ratio.docx");
        ZipPackages.WriteZeroBomb(bomb, megabytes: 50);

        using var file = File.OpenRead(bomb);
        var refusal = OfficePackage.Refusal(file);

        Assert.NotNull(refusal);
        Assert.Matches(@"^the package inflates [\d,]+ times its size, more than 100:1$", refusal);
    }

    [Fact]
    public void PackageOfCountlessParts_IsRefused()
    {
        using var package = new MemoryStream(ZipPackages.ManyParts(OfficePackage.MaxEntries + 1));

        Assert.Equal("the package has 10,001 parts, more than 10,000", OfficePackage.Refusal(package));
    }

    [Fact]
    public void OrdinaryOfficeFiles_AndNonZips_AreToldApart()
    {
        foreach (var file in new[] { TextDocuments.Docx("a.docx", "text"), TextDocuments.Xlsx("b.xlsx", "1"), TextDocuments.Pptx("c.pptx", "slide") })
        {
            using var package = new MemoryStream(file.Content);
            Assert.Null(OfficePackage.Refusal(package));
        }

        using var notZip = new MemoryStream("%PDF-1.4 not a package"u8.ToArray());
        Assert.Equal("the file is not a readable ZIP package", OfficePackage.Refusal(notZip));
    }

    [Fact]
    public async Task HangingConverter_EndsAsTimedOutAtTheTimeout_AndItsProcessesAreGone()
    {
        var converter = doubles.Script("soffice", "echo $$ > {evidence}/leader\nsleep 300 &\necho $! > {evidence}/child\nwait");
        var options = Double(converter);
        options.Timeout = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        var result = await ConvertAsync(options, TextDocuments.Docx("a.docx", "text").Content, FileKinds.Docx);

        Assert.False(result.Succeeded);
        // The reason gives the time measured, which a busy machine stretches past the 2 s asked for.
        Assert.Matches(@"^soffice killed after the [0-9.]+ s timeout", result.FailureReason);
        // Ended by the timeout, long before the double's 300 s sleep would have.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        await doubles.WaitUntilGoneAsync("leader", "child");
    }

    [Fact]
    public async Task Converter_RunsInTheWorkspace_WithAProfileOfItsOwnThere()
    {
        // Records where it ran and what it was told, then writes a minimal PDF where LibreOffice would.
        var converter = doubles.Script("soffice", "pwd > {evidence}/folder\nprintf '%s\\n' \"$@\" > {evidence}/arguments\nprintf '%%PDF-1.4\\n' > input.pdf");

        var result = await ConvertAsync(Double(converter), TextDocuments.Docx("a.docx", "text").Content, FileKinds.Docx);

        Assert.True(result.Succeeded, result.FailureReason);
        var folder = doubles.Evidence("folder").Trim();
        Assert.Equal(
            ["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, "input.docx"],
            doubles.Evidence("arguments").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(folder), "the workspace outlived the conversion");
    }

    [Theory]
    [InlineData("true", "LibreOffice made no PDF")]
    [InlineData("echo 'Warning: failed to launch javaldx' >&2; echo 'Error: source file could not be loaded' >&2", "LibreOffice made no PDF: Error: source file could not be loaded")]
    [InlineData("echo 'Error: source file could not be loaded' >&2; exit 1", "soffice exit code 1: Error: source file could not be loaded")]
    [InlineData("echo '<html>' > input.pdf", "LibreOffice wrote a file that is not a PDF")]
    [InlineData("truncate -s 101M input.pdf", "the PDF is larger than 100 MB")]
    public async Task ConverterThatMakesNoUsablePdf_EndsAsFailed(string body, string reason)
    {
        var converter = doubles.Script("soffice", body);

        var result = await ConvertAsync(Double(converter), TextDocuments.Docx("a.docx", "text").Content, FileKinds.Docx);

        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task WithoutAConfiguredConverter_NothingIsConverted()
    {
        var converter = Converter(new PreviewOptions());

        Assert.False(converter.IsConfigured);
        var result = await ConvertAsync(new PreviewOptions(), TextDocuments.Docx("a.docx", "text").Content, FileKinds.Docx);
        Assert.Equal("no Office converter is configured", result.FailureReason);
        Assert.True(Converter(RealLibreOffice).IsConfigured);
        Assert.True(OfficeConverter.Supports(FileKinds.Pptx));
        Assert.False(OfficeConverter.Supports("application/pdf"));
    }

    /// <summary>Options under which the double named `soffice` in the test's folder is found before the real one.</summary>
    private PreviewOptions Double(string converter) => new() { Office = Path.GetFileName(converter), ProgramsFolder = doubles.Folder };

    private static OfficeConverter Converter(PreviewOptions options) => new(ProgramDoubles.Runner(options), Options.Create(options));

    private static async Task<OfficeConversionResult> ConvertAsync(PreviewOptions options, byte[] content, string contentType)
    {
        using var stream = new MemoryStream(content);
        return await Converter(options).ConvertAsync(stream, contentType, TestContext.Current.CancellationToken);
    }

    public void Dispose() => doubles.Dispose();
}
