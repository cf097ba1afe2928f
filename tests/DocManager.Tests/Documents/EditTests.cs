using System.Net;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`/documents/{id}/edit` (SPEC §3): the owner sees the current fields and changes them.</summary>
public sealed class EditTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Edit_ChangesEveryField_AndRedirects303ToTheDocument(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var file = TestFile.Pdf("scan.pdf");
        var id = await browser.UploadDocumentAsync(file, new("title", "Old title"), new("tags", "old, kept"), new("category", "report"));
        var before = Assert.Single(await app.DocumentsAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await browser.SubmitAsync($"/documents/{id}/edit", $"/documents/{id}/edit",
            [new("title", "New title"), new("description", "Now described"), new("category", "contract"), new("tags", "kept, new"), new("priority", "low")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{id}", response.Headers.Location?.OriginalString);
        var after = Assert.Single(await app.DocumentsAsync());
        Assert.Equal(("New title", "Now described", "contract", "low"), (after.Title, after.Description, after.Category, after.Priority));
        Assert.Equal(["kept", "new"], after.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.True(after.UpdatedAt > before.UpdatedAt, "UpdatedAt did not move");
        Assert.Equal((before.StoredName, before.Size, before.Sha256, before.OriginalName), (after.StoredName, after.Size, after.Sha256, after.OriginalName));
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Edit_ShowsTheCurrentValues()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Current title", new("description", "Current text"), new("category", "invoice"), new("tags", "b, a"), new("priority", "high"));

        var page = await browser.GetPageAsync($"/documents/{id}/edit");

        Assert.Equal("Current title", page.QuerySelector<IHtmlInputElement>("#title")?.Value);
        Assert.Equal("Current text", page.QuerySelector<IHtmlTextAreaElement>("#description")?.Value);
        Assert.Equal("invoice", page.QuerySelector<IHtmlSelectElement>("#category")?.Value);
        Assert.Equal("a, b", page.QuerySelector<IHtmlInputElement>("#tags")?.Value);
        Assert.Equal("high", page.QuerySelector<IHtmlSelectElement>("#priority")?.Value);
    }
}
