using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Api;

/// <summary>
/// SPEC §4: a document as JSON is exactly `{ id, title, description, category, tags, priority,
/// createdAt, updatedAt, file, owner, isOwner, preview, text }`, dates in ISO 8601 UTC, on every route that returns one.
/// </summary>
public sealed class DocumentJsonTests
{
    private static readonly string[] DocumentFields = ["category", "createdAt", "description", "file", "id", "isOwner", "owner", "preview", "priority", "tags", "text", "title", "updatedAt"];

    [Theory]
    [OnEachDatabase]
    public async Task CreateNote_Returns201WithTheDocumentAndItsLocation(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();

        using var response = await api.PostJsonAsync("/api/documents", new
        {
            title = "  Quarterly plan  ",
            description = "Goals for the quarter",
            category = "report",
            tags = new List<string> { "Planning", "q3", "planning" },
            priority = "high",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var created = await response.JsonAsync();
        var id = created.Id();
        Assert.Equal($"/api/documents/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(DocumentFields, created.PropertyNames());
        Assert.Equal("Quarterly plan", created.Text("title"));
        Assert.Equal("Goals for the quarter", created.Text("description"));
        Assert.Equal("report", created.Text("category"));
        Assert.Equal(["planning", "q3"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("high", created.Text("priority"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("file").ValueKind);
        Assert.Equal(["id", "username"], created.GetProperty("owner").PropertyNames());
        Assert.Equal(await app.UserIdAsync(browser), created.GetProperty("owner").Id());
        Assert.Equal(browser.UserName, created.GetProperty("owner").Text("username"));
        Assert.True(created.GetProperty("isOwner").GetBoolean());
        app.AssertIsNow(created.Text("createdAt"));
        Assert.Equal(created.Text("createdAt"), created.Text("updatedAt"));
        var stored = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(id, stored.Id);

        var fetched = await api.GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(created.ToString(), fetched.ToString());
    }

    [Fact]
    public async Task CreateNote_WithOnlyATitle_TakesTheDefaults()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        var created = await browser.Api().CreateNoteAsync(new { title = "Bare note" });

        Assert.Equal(("", "other", "normal", 0), (created.Text("description"), created.Text("category"), created.Text("priority"), created.GetProperty("tags").GetArrayLength()));
    }

    [Theory]
    [OnEachDatabase]
    public async Task UploadedDocument_DescribesItsFileAsVerified(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf(@"C:\scans\Invoice 7.pdf") with { ClaimedType = "text/html" };
        var id = await browser.UploadDocumentAsync(file);

        var document = await browser.Api().GetJsonAsync($"/api/documents/{id}");

        Assert.Equal(DocumentFields, document.PropertyNames());
        var described = document.GetProperty("file");
        Assert.Equal(["contentType", "originalName", "sha256", "size"], described.PropertyNames());
        Assert.Equal("Invoice 7.pdf", described.Text("originalName"));
        Assert.Equal("application/pdf", described.Text("contentType")); // what the content was checked to be, not the claim
        Assert.Equal(file.Content.LongLength, described.GetProperty("size").GetInt64());
        Assert.Equal(file.Sha256, described.Text("sha256"));
        Assert.Equal("Invoice 7", document.Text("title"));
        app.AssertIsNow(document.Text("createdAt"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task SharedDocument_NamesItsOwner_AndIsNotTheViewers(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Shared minutes", viewer);

        var seen = await viewer.Api().GetJsonAsync($"/api/documents/{id}");
        var listed = Assert.Single((await viewer.Api().GetJsonAsync("/api/documents")).GetProperty("items").EnumerateArray());

        foreach (var document in new[] { seen, listed })
        {
            Assert.False(document.GetProperty("isOwner").GetBoolean());
            Assert.Equal(await app.UserIdAsync(owner), document.GetProperty("owner").Id());
            Assert.Equal(owner.UserName, document.GetProperty("owner").Text("username"));
        }
    }

    [Theory]
    [OnEachDatabase]
    public async Task List_AnswersItemsAndNextCursor(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        await browser.CreateNoteIdAsync("First note");
        await browser.UploadDocumentAsync(TestFile.Png("second.png"));
        await browser.CreateNoteIdAsync("Third note");

        var first = await api.GetJsonAsync("/api/documents?limit=2");
        var last = await api.GetJsonAsync("/api/documents?limit=2&cursor=" + Uri.EscapeDataString(first.Text("nextCursor")));

        Assert.Equal(["items", "nextCursor"], first.PropertyNames());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.All(first.GetProperty("items").EnumerateArray(), item => Assert.Equal(DocumentFields, item.PropertyNames()));
        Assert.Equal(["items", "nextCursor"], last.PropertyNames());
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextCursor").ValueKind);
        var everything = await api.GetJsonAsync("/api/documents");
        Assert.Equal(3, everything.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, everything.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Delete_Returns204_AndRemovesTheRowAndTheFile(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var api = browser.Api();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());

        using var response = await api.DeleteAsync($"/api/documents/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var gone = await api.GetAsync($"/api/documents/{id}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        await app.AssertNothingStoredAsync(browser.UserName);
    }
}
