using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`POST /documents/new` (SPEC §1, §3): a note is a document without a file, created by its poster.</summary>
public sealed class NoteCreationTests
{
    [Theory]
    [OnEachDatabase]
    public async Task CreateNote_Redirects303ToItsPage_AndStoresTheCleanFields(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();

        using var response = await browser.CreateNoteAsync(
            "  Meeting notes  ",
            new("description", "Who said what"),
            new("category", "notes"),
            new("tags", "team, weekly"),
            new("priority", "high"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal($"/documents/{document.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Meeting notes", document.Title);
        Assert.Equal("Who said what", document.Description);
        Assert.Equal("notes", document.Category);
        Assert.Equal("high", document.Priority);
        Assert.Equal(["team", "weekly"], document.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(await app.UserIdAsync(browser), document.OwnerId);
        Assert.Null(document.StoredName);
        Assert.Equal(0, document.Size);
        Assert.Equal((0L, 1), await app.UsageAsync(browser.UserName));
        Assert.Empty(app.StoredFiles());
        var page = await browser.GetPageAsync($"/documents/{document.Id}");
        Assert.Equal("Meeting notes", page.QuerySelector("main h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task CreateNote_WithoutCategoryOrPriority_TakesTheDefaults()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.PostWithTokenAsync("/documents/new", KeyValuePair.Create("title", "Bare note"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("other", "normal", ""), (document.Category, document.Priority, document.Description));
        Assert.Empty(document.Tags);
    }

    [Fact]
    public async Task CreateNote_WithoutAToken_Returns400AndStoresNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();

        using var response = await browser.PostFormAsync("/documents/new", [new("title", "Forged note")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.DocumentsAsync());
    }
}
