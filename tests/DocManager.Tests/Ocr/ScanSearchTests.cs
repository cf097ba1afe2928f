using DocManager.Ocr;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;
using DocManager.Tests.Search;

namespace DocManager.Tests.Ocr;

/// <summary>
/// SPEC §8 "Text from scans" through the running app: an uploaded photo or image-only PDF is read by
/// OCR in the background and found by its printed words like any extracted text; a PDF with a text
/// layer keeps the words of its file; with OCR turned off an image has no text; and the details page
/// says where the words stand.
/// </summary>
public sealed class ScanSearchTests
{
    // Well above OcrReader.MinCharactersPerPage printed characters on its one page: not a scan.
    private static readonly string[] MinutesLines =
        ["Minutes of the meeting of the board of directors", "The supplier Quillfeather agreed to ship in March."];

    public static TheoryData<Backend, string> FilesOnEachDatabase() => Backends.OnEachDatabaseWith(["photo", "text layer"]);

    [Theory]
    [MemberData(nameof(FilesOnEachDatabase))]
    public async Task APhotosWords_AreReadByOcr_ATextLayersFromTheFile_AndEitherIsFoundByThem(Backend backend, string kind)
    {
        Assert.False(OcrReader.NeedsOcr(string.Join('\n', MinutesLines), pageCount: 1));
        var (file, word, source, line) = kind == "photo"
            ? (new TestFile("whiteboard.png", Scans.Word("Harbour"), "image/png"), "harbour", "ocr", "Searchable (read from the scan)")
            : (TextDocuments.Pdf("minutes.pdf", MinutesLines), "quillfeather", "file", "Searchable");
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(file);

        await app.WaitForJobsAsync();

        Assert.Equal(("ready", source), await owner.TextStatusAsync(id));
        await AssertEveryRouteFindsAsync(owner, word, id);
        Assert.Equal(line, await TextLineAsync(owner, id));
    }

    [Theory]
    [OnEachDatabase]
    public async Task AnImageOnlyPdf_IsFoundByAWordPrintedOnItsSecondPage_AndTheHitOpensThatPage(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(new TestFile("scanned letter.pdf", Scans.ImageOnlyPdf("Harbour", "Lantern"), "application/pdf"));

        await app.WaitForJobsAsync();

        Assert.Equal(("ready", "ocr"), await owner.TextStatusAsync(id));
        Assert.Equal(("ready", 2), await owner.PreviewAsync(id));
        await AssertEveryRouteFindsAsync(owner, "lantern", id);
        var hit = (await owner.SearchPageAsync("lantern")).QuerySelector($"li.doc-card[data-document-id='{id}'] .doc-title a");
        Assert.Equal($"/documents/{id}?page=2", hit?.GetAttribute("href"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task WithOcrTurnedOff_AnImageHasNoText_AndIsNotFoundByItsWord(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Ocr:Enabled"] = "false" });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(new TestFile("whiteboard.png", Scans.Word("Harbour"), "image/png"));

        await app.WaitForJobsAsync();

        Assert.Equal(("none", null), await owner.TextStatusAsync(id));
        Assert.Equal(("ready", 1), await owner.PreviewAsync(id)); // its picture is still made
        await AssertEveryRouteFindsAsync(owner, "harbour");
        Assert.Equal("No text to search", await TextLineAsync(owner, id));
    }

    [Fact]
    public async Task BeforeItsJobRuns_TheDetailsPageSaysTheTextIsBeingRead()
    {
        // A web-only instance runs no jobs, so the photo's text stays pending.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Instance:Role"] = "web" });
        using var owner = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(new TestFile("whiteboard.png", Scans.Word("Harbour"), "image/png"));

        Assert.Equal(("pending", null), await owner.TextStatusAsync(id));
        Assert.Equal("Reading text…", await TextLineAsync(owner, id));
        await AssertEveryRouteFindsAsync(owner, "harbour");
    }

    /// <summary>Asserts that `/api/documents?q=`, `/search?q=` and `/documents?q=` all find exactly these documents.</summary>
    private static async Task AssertEveryRouteFindsAsync(Browser owner, string word, params int[] expected)
    {
        Assert.Equal(expected.Order(), (await owner.ApiSearchIdsAsync(word)).Order());
        await owner.AssertFindsAsync(word, expected);
    }

    /// <summary>What the details page says of the document's text.</summary>
    private static async Task<string?> TextLineAsync(Browser owner, int id) =>
        (await owner.GetPageAsync($"/documents/{id}")).QuerySelector("[data-text-status]")?.TextContent;
}
