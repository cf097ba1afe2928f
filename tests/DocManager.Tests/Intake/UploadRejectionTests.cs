using System.IO.Compression;
using System.Net;
using System.Text;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

/// <summary>SPEC §2: every refused upload answers its status and message and leaves nothing behind.</summary>
public sealed class UploadRejectionTests
{
    public static TheoryData<string, byte[], string> MismatchedContent => new()
    {
        { "fake.pdf", Encoding.UTF8.GetBytes("just text, no PDF header"), "File does not appear to be PDF" },
        { "fake.png", TestFile.Jpeg().Content, "File does not appear to be PNG" },
        { "fake.jpg", TestFile.Png().Content, "File does not appear to be JPG" },
        { "fake.gif", Encoding.UTF8.GetBytes("GIF90a nope"), "File does not appear to be GIF" },
        { "fake.webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8], "File does not appear to be WEBP" },
        { "nul.txt", [.. "text with a "u8, 0, .. " byte"u8], "File does not appear to be TXT" },
        { "latin1.csv", [0x61, 0x3B, 0xE9, 0x0A], "File does not appear to be CSV" },
        { "plainzip.docx", PlainZip(), "File does not appear to be DOCX" },
        { "sheet-as-word.docx", TestFile.Xlsx().Content, "File does not appear to be DOCX" },
        { "word-as-slides.pptx", TestFile.Docx().Content, "File does not appear to be PPTX" },
        { "text-as-sheet.xlsx", Encoding.UTF8.GetBytes("a,b,c"), "File does not appear to be XLSX" },
    };

    [Theory]
    [MemberData(nameof(MismatchedContent))]
    public async Task ContentNotMatchingItsExtension_Returns400AndStoresNothing(string name, byte[] content, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync(new TestFile(name, content));

        await AssertRefused(response, HttpStatusCode.BadRequest, message);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [InlineData("program.exe", "File type .exe not allowed")]
    [InlineData("page.HTML", "File type .html not allowed")]
    [InlineData("archive.tar.gz", "File type .gz not allowed")]
    [InlineData("README", "Files without an extension are not allowed")]
    public async Task DisallowedType_Returns400AndStoresNothing(string name, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync(new TestFile(name, Encoding.UTF8.GetBytes("MZ payload")));

        await AssertRefused(response, HttpStatusCode.BadRequest, message);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [OnEachDatabase]
    public async Task FileOverTheSizeLimit_Returns413AndStoresNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:MaxFileBytes"] = "4096" });
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync(TestFile.Pdf(extraBytes: 5000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task FileExactlyAtTheSizeLimit_IsAccepted()
    {
        var file = TestFile.Pdf(extraBytes: 4000);
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Limits:MaxFileBytes"] = file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var browser = await app.NewUserAsync();

        await browser.UploadDocumentAsync(file);
    }

    [Theory]
    [OnEachDatabase]
    public async Task UploadBeyondTheQuota_Returns403AndKeepsEarlierDocuments(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "3000" });
        using var browser = await app.NewUserAsync();
        var first = TestFile.Pdf("first.pdf", extraBytes: 1500);
        await browser.UploadDocumentAsync(first);

        using var response = await browser.UploadAsync(TestFile.Pdf("second.pdf", extraBytes: 1500));

        await AssertRefused(response, HttpStatusCode.Forbidden, "Storage quota exceeded");
        Assert.Single(await app.DocumentsAsync());
        Assert.Single(app.StoredFiles());
        Assert.Equal((first.Content.LongLength, 1), await app.UsageAsync(browser.UserName));
    }

    [Fact]
    public async Task UploadBeyondTheDocumentLimit_Returns400()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Limits:MaxDocuments"] = "2" });
        using var browser = await app.NewUserAsync();
        await browser.CreateNoteIdAsync("First note");
        await browser.UploadDocumentAsync(TestFile.Text("second.txt"));

        using var response = await browser.UploadAsync(TestFile.Text("third.txt"));
        using var note = await browser.CreateNoteAsync("Third note");

        await AssertRefused(response, HttpStatusCode.BadRequest, "Maximum documents reached");
        Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
        Assert.Equal(2, (await app.DocumentsAsync()).Count);
        Assert.Single(app.DocumentFiles());
        Assert.Equal(2, (await app.UsageAsync(browser.UserName)).DocumentCount);
    }

    [Fact]
    public async Task EmptyFileField_Returns400NoFileSelected()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        // What a browser sends when the file input was left empty.
        using var response = await browser.UploadAsync(new TestFile("", []), [new("title", "Nothing here")]);

        await AssertRefused(response, HttpStatusCode.BadRequest, "No file selected");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task SeveralFilesWithOneBad_StoresNoneOfThem()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync([TestFile.Pdf("good-one.pdf"), TestFile.Png("good-two.png"), new TestFile("bad.pdf", "not a pdf"u8.ToArray())]);

        await AssertRefused(response, HttpStatusCode.BadRequest, "File does not appear to be PDF");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task SeveralFilesWithAClashingTitle_StoresNoneOfThem()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync([TestFile.Pdf("Budget.pdf"), TestFile.Text("budget.txt")]);

        await AssertRefused(response, HttpStatusCode.BadRequest, "Title already exists");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [InlineData("title", "ab", "Title must be at least 3 characters")]
    [InlineData("category", "Report", "Category must be one of report, invoice, contract, notes, other")]
    [InlineData("tags", "bad tag!", "Tag 'tag!' is invalid: use 1–32 letters, digits, '-' or '_'")]
    [InlineData("priority", "urgent", "Priority must be one of low, normal, high")]
    public async Task InvalidField_Returns400BesideTheField_KeepsInput_AndStoresNothing(string field, string value, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.UploadAsync(TestFile.Pdf(), new KeyValuePair<string, string>(field, value), new("description", "kept description"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal("kept description", page.QuerySelector("textarea[name=description]")?.TextContent);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task UploadWithoutAntiforgeryToken_Returns400BeforeStoringAnything()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        using var content = new MultipartFormDataContent();
        content.Add(TestFile.Pdf().ToContent(), "file", "report.pdf");

        using var response = await browser.Http.PostAsync(new Uri("/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task ScriptUpload_WithTheTokenInTheHeader_IsAccepted()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var token = (await browser.GetPageAsync("/upload")).CsrfToken();
        using var content = new MultipartFormDataContent();
        content.Add(TestFile.Pdf().ToContent(), "file", "report.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", token);

        using var response = await browser.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (await response.ReadHtmlAsync()).FieldError("file") ?? (await response.ReadHtmlAsync()).FieldError("title"));
    }

    private static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        return buffer.ToArray();
    }
}
