using System.Net;
using System.Text;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Api;

/// <summary>
/// `POST /api/files` (SPEC §4): the upload form's fields and files as multipart, answering 201
/// `{ items: [...] }`; every refusal of SPEC §2 is a problem and leaves nothing stored.
/// </summary>
public sealed class FilesApiTests
{
    [Theory]
    [OnEachDatabase]
    public async Task UploadOfOneFile_Returns201WithTheDocumentAndItsFields(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf("contract.pdf");

        using var response = await browser.Api().UploadAsync([file],
            new Field("title", "Signed contract"), new Field("category", "contract"), new Field("tags", "legal"), new Field("tags", "signed"), new Field("priority", "high"), new Field("description", "Final copy"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["items"], body.PropertyNames());
        var document = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(("Signed contract", "contract", "high", "Final copy"), (document.Text("title"), document.Text("category"), document.Text("priority"), document.Text("description")));
        Assert.Equal(["legal", "signed"], document.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("contract.pdf", "application/pdf", file.Content.LongLength, file.Sha256),
            (document.GetProperty("file").Text("originalName"), document.GetProperty("file").Text("contentType"),
             document.GetProperty("file").GetProperty("size").GetInt64(), document.GetProperty("file").Text("sha256")));
        Assert.True(document.GetProperty("isOwner").GetBoolean());
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(stored.Id, document.Id());
        Assert.Single(app.StoredFiles());
        using var download = await browser.GetAsync($"/files/{stored.Id}");
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [OnEachDatabase]
    public async Task UploadOfSeveralFiles_Returns201WithEachDocumentNamedAfterItsFile(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        TestFile[] files = [TestFile.Png("holiday.png"), TestFile.Text("shopping list.txt"), TestFile.Docx("letter.docx")];

        using var response = await browser.Api().UploadAsync(files, new Field("category", "notes"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["holiday", "shopping list", "letter"], items.Select(i => i.Text("title")));
        Assert.All(items, i => Assert.Equal("notes", i.Text("category")));
        Assert.Equal(files.Select(f => f.Sha256), items.Select(i => i.GetProperty("file").Text("sha256")));
        Assert.Equal((await app.DocumentsAsync()).Select(d => d.Id), items.Select(i => i.Id()));
        Assert.Equal(3, app.StoredFiles().Length);
        Assert.Equal((files.Sum(f => f.Content.LongLength), 3), await app.UsageAsync(browser.UserName));
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "program.exe", Encoding.UTF8.GetBytes("MZ payload"), "File type .exe not allowed" },
        { "fake.pdf", Encoding.UTF8.GetBytes("just text, no PDF header"), "File does not appear to be PDF" },
        { "fake.png", TestFile.Jpeg().Content, "File does not appear to be PNG" },
        { "nul.txt", [.. "text with a "u8, 0, .. " byte"u8], "File does not appear to be TXT" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task FileOfTheWrongKind_Returns400ProblemAndStoresNothing(string name, byte[] content, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().UploadAsync([new TestFile(name, content)]);

        await response.AssertValidationProblemAsync("file", message);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task OneBadFileAmongSeveral_RefusesThemAll()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().UploadAsync([TestFile.Png("good.png"), TestFile.Pdf("good.pdf"), new TestFile("bad.pdf", Encoding.UTF8.GetBytes("not a pdf"))]);

        await response.AssertValidationProblemAsync("file", "File does not appear to be PDF");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task UploadWithoutAFile_Returns400NoFileSelected()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().UploadAsync([], new Field("title", "Nothing attached"));

        await response.AssertValidationProblemAsync("file", "No file selected");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task UploadWithAnInvalidTitle_Returns400AndStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().UploadAsync([TestFile.Png()], new Field("title", "ab"));

        await response.AssertValidationProblemAsync("title", "Title must be at least 3 characters");
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [OnEachDatabase]
    public async Task FileOverTheSizeLimit_Returns413ProblemAndStoresNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:MaxFileBytes"] = "4096" });
        using var browser = await app.NewUserAsync();

        using var response = await browser.Api().UploadAsync([TestFile.Pdf(extraBytes: 5000)]);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Theory]
    [OnEachDatabase]
    public async Task UploadBeyondTheQuota_Returns403ProblemAndKeepsOnlyEarlierDocuments(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend, new Dictionary<string, string?> { ["Limits:QuotaBytes"] = "3000" });
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var first = TestFile.Pdf("first.pdf", extraBytes: 1500);
        using (var accepted = await api.UploadAsync([first]))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var response = await api.UploadAsync([TestFile.Pdf("second.pdf", extraBytes: 1500)]);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "Storage quota exceeded");
        Assert.Single(await app.DocumentsAsync());
        Assert.Single(app.StoredFiles());
        Assert.Equal((first.Content.LongLength, 1), await app.UsageAsync(browser.UserName));
    }
}
