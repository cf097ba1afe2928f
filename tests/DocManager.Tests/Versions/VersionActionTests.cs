using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;
using DocManager.Tests.Previews;

namespace DocManager.Tests.Versions;

/// <summary>Restoring and deleting versions (SPEC §9): owner only; restore adds a copy, the current version stays.</summary>
public sealed class VersionActionTests
{
    [Theory]
    [OnEachDatabase]
    public async Task RestoringVersionOne_AddsACopyOfItAsTheNewCurrentVersion_KeepingEveryOther(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var first = TestFile.Text("draft.txt", "first draft\n");
        var second = TestFile.Text("draft-2.txt", "second draft, longer\n");
        var id = await owner.UploadDocumentAsync(first, new KeyValuePair<string, string>("title", "Draft"));
        (await owner.Api().ReplaceFileAsync(id, second)).Dispose();

        using var restored = await owner.PostWithTokenAsync($"/documents/{id}/versions/1/restore");

        Assert.Equal(HttpStatusCode.SeeOther, restored.StatusCode);
        Assert.Equal($"/documents/{id}", restored.Headers.Location?.OriginalString);
        Assert.Equal([(3, "draft.txt", true), (2, "draft-2.txt", false), (1, "draft.txt", false)], await VersionsAsync(owner, id));
        Assert.Equal(first.Content, await owner.DownloadAsync(id));
        Assert.Equal(3, app.DocumentFiles().Length); // a copy: deleting version 1 later keeps version 3's bytes
        Assert.Equal((long)(first.Content.Length * 2) + second.Content.Length, (await app.UsageAsync(owner.UserName)).StorageUsed);
        var page = await owner.GetPageAsync($"/documents/{id}");
        Assert.Contains("Version 1 restored as version 3.", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task DeletingAnOldVersion_RemovesItsFileAndQuota_TheCurrentOneIsRefusedWith400(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        var first = TestFile.Text("old.txt", "old words\n");
        var second = TestFile.Text("new.txt", "new words\n");
        var id = await owner.UploadDocumentAsync(first);
        (await owner.Api().ReplaceFileAsync(id, second)).Dispose();

        using var deleted = await owner.PostWithTokenAsync($"/documents/{id}/versions/1/delete");
        using var current = await owner.PostWithTokenAsync($"/documents/{id}/versions/2/delete");
        using var missing = await owner.PostWithTokenAsync($"/documents/{id}/versions/7/delete");
        using var gone = await owner.GetAsync($"/files/{id}?version=1");

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
        Assert.Contains("The current version cannot be deleted", (await current.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([(2, "new.txt", true)], await VersionsAsync(owner, id));
        Assert.Single(app.DocumentFiles());
        Assert.Equal(second.Content.Length, (await app.UsageAsync(owner.UserName)).StorageUsed);
        Assert.Equal(second.Content, await owner.DownloadAsync(id));
    }

    [Fact]
    public async Task AViewer_SeesAndDownloadsVersions_ButGets403ForChanges_AStranger404()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("shared.txt", "v1\n"));
        (await owner.Api().ReplaceFileAsync(id, TestFile.Text("shared-2.txt", "v2\n"))).Dispose();
        await owner.ShareDocumentAsync(id, viewer);

        var viewerPage = await viewer.GetPageAsync($"/documents/{id}");
        var ownerPage = await owner.GetPageAsync($"/documents/{id}");
        foreach (var action in new[] { "restore", "delete" })
        {
            using var byViewer = await viewer.PostWithTokenAsync($"/documents/{id}/versions/1/{action}");
            using var byStranger = await stranger.PostWithTokenAsync($"/documents/{id}/versions/1/{action}");
            Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        }

        Assert.Equal(2, viewerPage.QuerySelectorAll($"a[href^='/files/{id}?version=']").Length);
        Assert.Empty(viewerPage.QuerySelectorAll("form[action*='/versions/']"));
        Assert.Equal(2, ownerPage.QuerySelectorAll("form[action*='/versions/1/']").Length); // restore and delete the old one
        Assert.Empty(ownerPage.QuerySelectorAll("form[action*='/versions/2/']")); // the current one has neither
        Assert.Equal([(2, "shared-2.txt", true), (1, "shared.txt", false)], await VersionsAsync(owner, id));
    }

    private static async Task<List<(int Number, string Name, bool Current)>> VersionsAsync(Browser browser, int id)
    {
        using var response = await browser.GetAsync($"/api/documents/{id}/versions");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. json.RootElement.GetProperty("items").EnumerateArray()
            .Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("originalName").GetString()!, v.GetProperty("current").GetBoolean()))];
    }
}
