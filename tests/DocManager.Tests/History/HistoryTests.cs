using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.History;

/// <summary>`/documents/{id}/history` and `/api/documents/{id}/history` (SPEC §9): every change, newest first, owner only.</summary>
public sealed class HistoryTests
{
    private static readonly string[] FinalTag = ["final"];

    [Theory]
    [OnEachDatabase]
    public async Task EveryChange_IsInTheHistory_NewestFirst_WithWhoAndWhat(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("memo.txt", "memo\n"), new KeyValuePair<string, string>("title", "Memo"));
        using (var edited = await owner.Api().PatchJsonAsync($"/api/documents/{id}", new { title = "Memo, final", tags = FinalTag }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        (await owner.Api().ReplaceFileAsync(id, TestFile.Text("memo-2.txt", "memo two\n"))).Dispose();
        (await owner.PostWithTokenAsync($"/documents/{id}/versions/1/restore")).Dispose();
        (await owner.PostWithTokenAsync($"/documents/{id}/versions/2/delete")).Dispose();
        await owner.ShareDocumentAsync(id, viewer);
        (await viewer.GetAsync($"/files/{id}")).Dispose();
        (await owner.GetAsync($"/files/{id}")).Dispose(); // the owner's own reading is not news to them
        (await owner.PostWithTokenAsync($"/documents/{id}/shares/{await app.UserIdAsync(viewer)}/delete")).Dispose();

        var items = await HistoryAsync(owner, id);

        Assert.Equal(["unshared", "downloaded", "shared", "version-deleted", "version-restored", "file-replaced", "edited", "created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(viewer.UserName, items[1].GetProperty("actor").GetProperty("username").GetString());
        Assert.All(items.Where((_, i) => i != 1), i => Assert.Equal(owner.UserName, i.GetProperty("actor").GetProperty("username").GetString()));
        var edit = items[6].GetProperty("details");
        Assert.Equal(("Memo", "Memo, final"), (edit.GetProperty("title").GetProperty("from").GetString(), edit.GetProperty("title").GetProperty("to").GetString()));
        Assert.Equal("final", edit.GetProperty("tags").GetProperty("to")[0].GetString());
        Assert.False(edit.TryGetProperty("description", out _)); // only what changed
        Assert.Equal((3, 1), (items[4].GetProperty("details").GetProperty("version").GetInt32(), items[4].GetProperty("details").GetProperty("restoredFrom").GetInt32()));
        var times = items.Select(i => DateTime.Parse(i.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var page = await owner.GetPageAsync($"/documents/{id}/history");
        Assert.Equal(8, page.QuerySelectorAll(".history-list li").Length);
        Assert.Contains("restored version 1 as version 3", page.QuerySelector("[data-action='version-restored']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewerGets403_AStranger404_OnBothRoutes()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var stranger = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Private thoughts");
        await owner.ShareDocumentAsync(id, viewer);

        foreach (var url in new[] { $"/api/documents/{id}/history", $"/documents/{id}/history" })
        {
            using var byViewer = await viewer.GetAsync(url);
            using var byStranger = await stranger.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        }
    }

    [Fact]
    public async Task AViewersRefusedDownload_IsNoReading_AndLeavesTheHistoryAlone()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Text("kept.txt", "kept\n"));
        await owner.ShareDocumentAsync(id, viewer);

        using var refused = await viewer.GetAsync($"/files/{id}?inline=yes");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain(await HistoryAsync(owner, id), i => i.GetProperty("action").GetString() == "downloaded");
    }

    [Fact]
    public async Task TheHistory_GoesWithTheDocument()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Short-lived");

        (await owner.Api().DeleteAsync($"/api/documents/{id}")).Dispose();

        Assert.Equal(0, await app.Instance.WithScopeAsync<DocManager.Data.AppDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DocumentEvents)));
    }

    private static async Task<List<JsonElement>> HistoryAsync(Browser browser, int id)
    {
        using var response = await browser.GetAsync($"/api/documents/{id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }
}
