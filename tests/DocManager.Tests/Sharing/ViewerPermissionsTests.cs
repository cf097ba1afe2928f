using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sharing;

/// <summary>SPEC §1 and §3: a viewer may see and download a shared document; changing it is the owner's alone (403).</summary>
public sealed class ViewerPermissionsTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Viewer_CanSeeTheDetailsAndDownloadTheFile(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var file = TestFile.Pdf("minutes.pdf");
        var id = await owner.UploadDocumentAsync(file, new KeyValuePair<string, string>("title", "Board minutes"));
        await owner.ShareDocumentAsync(id, viewer);

        var details = await viewer.GetPageAsync($"/documents/{id}");
        using var download = await viewer.GetAsync($"/files/{id}");

        Assert.Equal("Board minutes", details.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(details.QuerySelectorAll("dd"), dd => dd.TextContent.Trim() == owner.UserName);
        Assert.Null(details.QuerySelector($"a[href='/documents/{id}/edit']"));
        Assert.Null(details.QuerySelector($"a[href='/documents/{id}/delete']"));
        Assert.Null(details.QuerySelector($"form[action='/documents/{id}/shares']"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Viewer_IsForbiddenToEditDeleteOrShare_AndChangesNothing(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var third = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Pdf("contract.pdf"), new KeyValuePair<string, string>("title", "The contract"));
        await owner.ShareDocumentAsync(id, viewer);

        var viewerId = await app.UserIdAsync(viewer);
        var attempts = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET edit", () => viewer.GetAsync($"/documents/{id}/edit")),
            ("POST edit", () => viewer.PostWithTokenAsync($"/documents/{id}/edit", KeyValuePair.Create("title", "Changed by the viewer"))),
            ("GET delete", () => viewer.GetAsync($"/documents/{id}/delete")),
            ("POST delete", () => viewer.PostWithTokenAsync($"/documents/{id}/delete")),
            ("POST share", () => viewer.PostWithTokenAsync($"/documents/{id}/shares", KeyValuePair.Create("username", third.UserName))),
            ("POST unshare", () => viewer.PostWithTokenAsync($"/documents/{id}/shares/{viewerId}/delete")),
        };
        foreach (var (what, send) in attempts)
        {
            using var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what} answered {(int)response.StatusCode} to a viewer");
        }

        var document = Assert.Single(await app.DocumentsAsync());
        Assert.Equal("The contract", document.Title);
        Assert.Single(app.StoredFiles());
        Assert.Equal(viewerId, Assert.Single(await app.SharesAsync(id)).UserId);
        using var stillVisible = await viewer.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, stillVisible.StatusCode);
    }
}
