using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Intake;

public sealed class AcceptedUploadTests
{
    public static TheoryData<string, string> Kinds => new()
    {
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpg", "image/jpeg" },
        { "gif", "image/gif" },
        { "webp", "image/webp" },
        { "txt", "text/plain; charset=utf-8" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EachAllowedKind_IsStoredWithItsVerifiedContentType(string kind, string contentType)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var file = kind switch
        {
            "pdf" => TestFile.Pdf(),
            "png" => TestFile.Png(),
            "jpg" => TestFile.Jpeg(),
            "gif" => TestFile.Gif(),
            "webp" => TestFile.Webp(),
            "txt" => TestFile.Text(),
            "docx" => TestFile.Docx(),
            "xlsx" => TestFile.Xlsx(),
            _ => TestFile.Pptx(),
        };

        // The client claims HTML; the stored and served type comes from the checked content.
        var id = await browser.UploadDocumentAsync(file with { ClaimedType = "text/html" });

        Assert.Equal(contentType, Assert.Single(await app.DocumentsAsync()).ContentType);
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(contentType, download.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData("md", "text/markdown; charset=utf-8")]
    [InlineData("csv", "text/csv; charset=utf-8")]
    [InlineData("jpeg", "image/jpeg")]
    public async Task OtherTextAndImageExtensions_AreAccepted(string extension, string contentType)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var content = extension == "jpeg" ? TestFile.Jpeg().Content : "a,b\n1,2\n"u8.ToArray();

        await browser.UploadDocumentAsync(new TestFile($"data.{extension}", content));

        Assert.Equal(contentType, Assert.Single(await app.DocumentsAsync()).ContentType);
    }

    [Fact]
    public async Task Title_DefaultsToTheFileName_WithoutItsExtension_AndAGivenTitleWins()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        await browser.UploadDocumentAsync(TestFile.Pdf("Annual report 2025.final.pdf"));
        await browser.UploadDocumentAsync(TestFile.Pdf("scan0001.pdf"), new KeyValuePair<string, string>("title", "  Signed lease  "));

        var documents = await app.DocumentsAsync();
        Assert.Equal(["Annual report 2025.final", "Signed lease"], documents.Select(d => d.Title));
        Assert.Equal("scan0001.pdf", documents[1].OriginalName);
    }

    [Fact]
    public async Task SeveralFiles_EachGetTheirOwnDocumentAndName_AndTheSharedFields()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var files = new[] { TestFile.Pdf("invoice-001.pdf"), TestFile.Png("receipt.png"), TestFile.Text("notes.txt") };

        using var response = await browser.UploadAsync(files, [new("category", "invoice"), new("tags", "tax, 2025"), new("priority", "high")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
        var documents = await app.DocumentsAsync();
        Assert.Equal(["invoice-001", "receipt", "notes"], documents.Select(d => d.Title));
        Assert.All(documents, d => Assert.Equal("invoice", d.Category));
        Assert.All(documents, d => Assert.Equal(["2025", "tax"], d.Tags.Select(t => t.Tag).Order()));
        Assert.All(documents, d => Assert.Equal("high", d.Priority));
        Assert.Equal(files.Select(f => f.Sha256), documents.Select(d => d.Sha256));
        Assert.Equal(3, app.StoredFiles().Length);
        Assert.Equal((files.Sum(f => (long)f.Content.Length), 3), await app.UsageAsync(browser.UserName));
    }

    [Fact]
    public async Task FieldsSentAfterTheFiles_AreStillApplied()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var token = await browser.FormTokenAsync("/upload", "/upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { TestFile.Pdf().ToContent(), "file", "x.pdf" },
            { new StringContent("Title after the file"), "title" },
        };

        using var response = await browser.Http.PostAsync(new Uri("/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("Title after the file", Assert.Single(await app.DocumentsAsync()).Title);
    }

    [Theory]
    [InlineData("../../../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\windows\\system32\\evil.txt", "evil.txt")]
    [InlineData("/var/www/html/shell.txt", "shell.txt")]
    [InlineData("C:\\Users\\me\\Desktop\\report.txt", "report.txt")]
    [InlineData("dir/sub\\mixed/name.txt", "name.txt")]
    public async Task TraversalNames_AreReducedToTheBareName_AndNeverUsedAsPaths(string clientName, string bareName)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var outside = EntriesBesideDataDirectories(app);

        var id = await browser.UploadDocumentAsync(TestFile.Text(clientName));

        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(bareName, document.OriginalName);
        Assert.Equal(Path.GetFileNameWithoutExtension(bareName), document.Title);
        // The only file written is under the store, named by the server: 32 hex characters.
        var stored = Assert.Single(app.StoredFiles());
        Assert.StartsWith(app.FilesRoot(), stored, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(stored));
        Assert.Equal(outside, EntriesBesideDataDirectories(app));
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(bareName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    /// <summary>
    /// What lies beside the test's data directory, other tests' data directories (which come and go
    /// with the tests running in parallel, in both test projects) left out.
    /// </summary>
    private static string[] EntriesBesideDataDirectories(TestApp app) =>
        [.. Directory.GetFileSystemEntries(Path.GetDirectoryName(app.Environment.DataDirectory)!)
            .Where(entry => !Guid.TryParseExact(Path.GetFileName(entry), "N", out _))
            .Order(StringComparer.Ordinal)];
}
