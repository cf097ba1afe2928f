using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Documents;

/// <summary>`/documents/{id}/delete` (SPEC §3): the row and the stored file go, and the space comes back to the owner.</summary>
public sealed class DeleteTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Delete_RemovesTheRowAndTheStoredFile_AndReturnsTheUsage(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var browser = await app.NewUserAsync();
        var kept = TestFile.Png("kept.png");
        var keptId = await browser.UploadDocumentAsync(kept);
        var keptFiles = app.StoredFiles();
        var doomed = TestFile.Pdf("doomed.pdf", extraBytes: 10_000);
        var id = await browser.UploadDocumentAsync(doomed);
        Assert.Equal(2, app.StoredFiles().Length);
        Assert.Equal((kept.Content.LongLength + doomed.Content.LongLength, 2), await app.UsageAsync(browser.UserName));

        using var response = await browser.SubmitAsync($"/documents/{id}/delete", $"/documents/{id}/delete");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/documents", response.Headers.Location?.OriginalString);
        Assert.Equal(keptId, Assert.Single(await app.DocumentsAsync()).Id);
        Assert.Equal(keptFiles, app.StoredFiles());
        Assert.Equal((kept.Content.LongLength, 1), await app.UsageAsync(browser.UserName));
        using var details = await browser.GetAsync($"/documents/{id}");
        using var download = await browser.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal([keptId], await browser.ListIdsAsync("/documents"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Delete_OfASharedDocument_RemovesItForTheViewerToo(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Pdf());
        await owner.ShareDocumentAsync(id, viewer);

        using var response = await owner.SubmitAsync($"/documents/{id}/delete", $"/documents/{id}/delete");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Empty(await app.SharesAsync(id));
        Assert.Empty(await viewer.ListIdsAsync("/documents"));
        using var details = await viewer.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        await app.AssertNothingStoredAsync(owner.UserName);
    }

    [Fact]
    public async Task Delete_OfANote_ReturnsTheDocumentCount()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.CreateNoteIdAsync("Short-lived note");

        using var response = await browser.SubmitAsync($"/documents/{id}/delete", $"/documents/{id}/delete");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await app.AssertNothingStoredAsync(browser.UserName);
    }

    [Fact]
    public async Task Delete_Get_OnlyAsksForConfirmation()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf("still here.pdf"), new KeyValuePair<string, string>("title", "Still here"));

        var page = await browser.GetPageAsync($"/documents/{id}/delete");

        Assert.NotNull(page.QuerySelector($"form[action='/documents/{id}/delete'][method=post]"));
        Assert.Contains("Still here", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.DocumentsAsync());
        Assert.Single(app.StoredFiles());
    }

    [Fact]
    public async Task Delete_WithoutAToken_Returns400AndDeletesNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var browser = await app.NewUserAsync();
        var id = await browser.UploadDocumentAsync(TestFile.Pdf());

        using var response = await browser.PostFormAsync($"/documents/{id}/delete", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await app.DocumentsAsync());
        Assert.Single(app.StoredFiles());
    }
}
