using System.Net;
using DocManager.Extraction;
using DocManager.Ocr;
using DocManager.Previews;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Search;

namespace DocManager.Tests.Previews;

/// <summary>
/// SPEC §8 "Bounds", through the running app: a decompression bomb, a corrupt file or a converter that
/// hangs ends as a failed preview, with its reason on the details page, while the file still downloads
/// as uploaded, the documents after it get their previews, no preview job is left behind, and the
/// site keeps answering. The work happens in the background, never in a request.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly ProgramDoubles doubles = new();

    [Theory]
    [InlineData("tall page", false)]
    [InlineData("pixel bomb", false)]
    [InlineData("corrupt pdf", true)]
    public async Task AHostileFile_EndsWithAFailedPreview_AndHoldsUpNothingElse(string kind, bool textRetried)
    {
        var (file, reason) = kind switch
        {
            // A page a point wide and 200 inches tall would be 1,600 × 23 million pixels at the page width.
            "tall page" => (MultiPagePdf.Create("receipt.pdf", (1, 14400), "x"), "^page 1 is too tall to render \\(1 × 14400 pt\\)$"),
            "pixel bomb" => (new TestFile("poster.png", TestImages.PngHeaderClaiming(100_000, 100_000), "image/png"),
                "^the image is 100000 × 100000 pixels, more than 50000000 allowed$"),
            _ => (TestFile.Pdf("report.pdf"), "^pdfinfo exit code \\d+"),
        };
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var hostile = await owner.UploadDocumentAsync(file);
        var ordinary = await owner.UploadDocumentAsync(PreviewSteps.RealPng("ordinary.png", 300, 200));

        await app.WaitForJobsAsync();

        Assert.Matches(reason, await AssertFailedAsync(app, owner, hostile, file));
        Assert.Equal(("ready", 1), await owner.PreviewAsync(ordinary));
        await AssertJobsLeftAsync(app, textRetriedFor: textRetried ? hostile : null);
    }

    [Fact]
    public async Task APdfOfThousandsOfPages_GetsImagesOfItsFirstFiftyPagesOnly()
    {
        // Each page printed with enough words to be a text PDF, not a scan; one word stands on page 200 only.
        var pages = Enumerable.Range(1, 2000).Select(n => $"Page {n} of the yearly archive, printed in full on every single sheet of it.").ToArray();
        pages[199] = "Page 200 names the supplier Zanzibarite, printed in full on this single sheet of it.";
        Assert.False(OcrReader.NeedsOcr(pages[0], pageCount: 1));
        var file = MultiPagePdf.Create("archive.pdf", pages);
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(file);
        var ordinary = await owner.UploadDocumentAsync(PreviewSteps.RealPng("ordinary.png", 300, 200));

        // Fifty pages rendered and re-encoded by a program at low priority take a while on a busy machine.
        var preview = await owner.WaitForPreviewAsync(id, TimeSpan.FromMinutes(3));
        await app.WaitForJobsAsync();

        Assert.Equal(("ready", new PreviewOptions().MaxPages), preview);
        Assert.Equal(1600, (await owner.WebpSizeAsync($"/documents/{id}/pages/50")).Width);
        using (var beyond = await owner.GetAsync($"/documents/{id}/pages/51"))
        {
            Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        }

        // In the store: each document's file and thumbnail, fifty page images of the PDF and one of the picture.
        Assert.Equal(2 + 2 + 50 + 1, app.StoredFiles().Length);
        Assert.Equal(file.Content, await owner.DownloadAsync(id));
        Assert.Equal(("ready", 1), await owner.PreviewAsync(ordinary));
        // Its words are read from its text layer, as far as `Extraction:MaxPages` (300) reaches.
        Assert.Equal(("ready", "file"), await owner.TextStatusAsync(id));
        await owner.AssertFindsAsync("zanzibarite", id);
        Assert.Empty(await app.JobsAsync());
    }

    [Fact]
    public async Task AZipBombPosingAsADocx_IsAccepted_ButRefusedFromItsDirectory_BeforeAnyConverterStarts()
    {
        // A gigabyte of zeros in about a megabyte; the intake only reads its small [Content_Types].xml.
        var bomb = Path.Combine(doubles.Folder, "bomb.docx");
        ZipPackages.WriteZeroBomb(bomb, megabytes: 1024);
        var file = new TestFile("bomb.docx", await File.ReadAllBytesAsync(bomb, TestContext.Current.CancellationToken));
        doubles.Script("soffice", "touch {evidence}/started");
        await using var app = await TestApp.StartAsync(settings: Converter("soffice", doubles.Folder));
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(file);
        var ordinary = await owner.UploadDocumentAsync(PreviewSteps.RealPng("ordinary.png", 300, 200));

        await app.WaitForJobsAsync();

        Assert.Equal("the package's parts declare more than 200 MB uncompressed", await AssertFailedAsync(app, owner, id, file));
        Assert.False(File.Exists(Path.Combine(doubles.Folder, "started")), "the converter was started");
        Assert.Equal(("ready", 1), await owner.PreviewAsync(ordinary));
        await AssertJobsLeftAsync(app, textRetriedFor: id); // without its relationships, no Word document is found in it
    }

    [Fact]
    public async Task AZipBombWhoseDirectoryLies_PassesTheIntakeAndTheCheck_ButItsConversionEndsFailed()
    {
        var bomb = Path.Combine(doubles.Folder, "liar.docx");
        ZipPackages.WriteLyingBomb(bomb, megabytes: 300);
        var file = new TestFile("liar.docx", await File.ReadAllBytesAsync(bomb, TestContext.Current.CancellationToken));
        await using (var package = File.OpenRead(bomb))
        {
            Assert.Null(OfficePackage.Refusal(package));
        }

        // The real LibreOffice, which may take a while to start with a new profile on a busy machine.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>(Converter("soffice")) { ["Previews:Timeout"] = "00:02:00" });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(file);
        var ordinary = await owner.UploadDocumentAsync(PreviewSteps.RealPng("ordinary.png", 300, 200));

        await owner.WaitForPreviewAsync(id, TimeSpan.FromMinutes(3));
        await app.WaitForJobsAsync();

        Assert.False(string.IsNullOrWhiteSpace(await AssertFailedAsync(app, owner, id, file)));
        Assert.Equal(("ready", 1), await owner.PreviewAsync(ordinary));
        await AssertJobsLeftAsync(app, textRetriedFor: id); // read as far as its headers say, its XML ends unclosed
    }

    [Fact]
    public async Task AConverterThatHangs_IsKilledAtTheTimeout_AndThePreviewFailsSayingSo()
    {
        doubles.Script("soffice", "echo $$ > {evidence}/leader.tmp\nsleep 300 &\necho $! > {evidence}/child\nmv {evidence}/leader.tmp {evidence}/leader\nwait");
        var settings = new Dictionary<string, string?>(Converter("soffice", doubles.Folder)) { ["Previews:Timeout"] = "00:00:02" };
        await using var app = await TestApp.StartAsync(settings: settings);
        using var owner = await app.NewUserAsync();
        var file = TextDocuments.Docx("report.docx", "Quarterly report", "Sales rose.");
        var id = await owner.UploadDocumentAsync(file);

        // The app's own background worker runs the converter; meanwhile the site answers (which the next
        // test shows with a converter that provably is still running).
        await WaitForEvidenceAsync("leader");
        using (var list = await owner.GetAsync("/documents"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        await app.WaitForJobsAsync();

        Assert.Matches("^soffice killed after the [0-9.]+ s timeout$", await AssertFailedAsync(app, owner, id, file));
        await doubles.WaitUntilGoneAsync("leader", "child");
        await AssertJobsLeftAsync(app, textRetriedFor: null);
    }

    [Fact]
    public async Task WhileAConverterRuns_TheSiteAnswers_AndTheDocumentIsPending()
    {
        // A converter that goes on only when the test lets it, so the pages below are provably answered while it runs.
        doubles.Script("soffice", "touch {evidence}/started\nwhile [ ! -e {evidence}/release ]; do sleep 0.05; done\nexit 3");
        await using var app = await TestApp.StartAsync(settings: Converter("soffice", doubles.Folder));
        using var owner = await app.NewUserAsync();
        var file = TextDocuments.Docx("report.docx", "Quarterly report", "Sales rose.");
        var id = await owner.UploadDocumentAsync(file);
        await WaitForEvidenceAsync("started");

        using (var list = await owner.GetAsync("/documents"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(id, (await list.ReadHtmlAsync()).CardIds());
        }

        Assert.Equal(("pending", 0), await owner.PreviewAsync(id));
        using (var thumbnail = await owner.GetAsync($"/documents/{id}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
        }

        await File.WriteAllTextAsync(Path.Combine(doubles.Folder, "release"), "", TestContext.Current.CancellationToken);
        await app.WaitForJobsAsync();

        Assert.Equal("soffice exit code 3", await AssertFailedAsync(app, owner, id, file));
        await AssertJobsLeftAsync(app, textRetriedFor: null);
    }

    /// <summary>
    /// Asserts what a failed preview looks like to its owner — no images, the file downloads as
    /// uploaded, the reason on the details page — and that no preview job was left to retry; returns the reason.
    /// </summary>
    private static async Task<string> AssertFailedAsync(TestApp app, Browser owner, int id, TestFile file)
    {
        Assert.Equal(("failed", 0), await owner.PreviewAsync(id));
        using (var thumbnail = await owner.GetAsync($"/documents/{id}/thumbnail"))
        {
            Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
        }

        Assert.Equal(file.Content, await owner.DownloadAsync(id));
        var message = (await owner.GetPageAsync($"/documents/{id}")).QuerySelector(".viewer .viewer-message")?.TextContent ?? "";
        const string Before = "No preview could be made of this file: ", After = ". You can still download it.";
        Assert.StartsWith(Before, message, StringComparison.Ordinal);
        Assert.EndsWith(After, message, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.JobsAsync(), job => job.Kind == MakePreviewJob.JobKind);
        return message[Before.Length..^After.Length];
    }

    /// <summary>
    /// The jobs left once the queue is idle: none; or, for a file whose text cannot be parsed, only its
    /// text job, waiting for a later attempt as extraction failures do (see ExtractionFailureTests) —
    /// not running, not holding up the queue, and never a preview job.
    /// </summary>
    private static async Task AssertJobsLeftAsync(TestApp app, int? textRetriedFor)
    {
        var jobs = await app.JobsAsync();
        if (textRetriedFor is not { } id)
        {
            Assert.Empty(jobs);
            return;
        }

        var job = Assert.Single(jobs);
        Assert.Equal((ExtractTextJob.JobKind, (int?)id, (DateTime?)null, (DateTime?)null), (job.Kind, job.DocumentId, job.LockedUntil, job.FailedAt));
        Assert.True(job.RunAfter > app.Clock.GetUtcNow().UtcDateTime, $"the text job is due again at once ({job.RunAfter:O})");
    }

    private static Dictionary<string, string?> Converter(string office, string? programsFolder = null) => new()
    {
        ["Previews:Office"] = office,
        ["Previews:ProgramsFolder"] = programsFolder,
    };

    private Task WaitForEvidenceAsync(string name) =>
        Processes.WaitUntilAsync($"the converter double writes {name}", TimeSpan.FromSeconds(30),
            () => Task.FromResult(File.Exists(Path.Combine(doubles.Folder, name))));

    public void Dispose() => doubles.Dispose();
}
