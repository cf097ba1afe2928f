using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sharing;

/// <summary>SPEC §3: the owner takes a viewer's access back; the document is then hidden from them again (404).</summary>
public sealed class UnshareTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Unshare_ByTheOwner_HidesTheDocumentFromTheViewerAgain(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.UploadDocumentAsync(TestFile.Png("chart.png"));
        await owner.ShareDocumentAsync(id, viewer);
        using (var before = await viewer.GetAsync($"/documents/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var viewerId = await app.UserIdAsync(viewer);
        using var response = await owner.SubmitAsync($"/documents/{id}", $"/documents/{id}/shares/{viewerId}/delete");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{id}", response.Headers.Location?.OriginalString);
        Assert.Empty(await app.SharesAsync(id));
        using var details = await viewer.GetAsync($"/documents/{id}");
        using var download = await viewer.GetAsync($"/files/{id}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Empty(await viewer.ListIdsAsync("/documents?owner=shared"));
        Assert.Empty((await owner.GetPageAsync($"/documents/{id}")).QuerySelectorAll(".viewer-list li"));
    }

    [Fact]
    public async Task Unshare_KeepsTheOtherViewers()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var leaving = await app.NewUserAsync();
        using var staying = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Two readers", leaving, staying);

        var leavingId = await app.UserIdAsync(leaving);
        using var response = await owner.SubmitAsync($"/documents/{id}", $"/documents/{id}/shares/{leavingId}/delete");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(await app.UserIdAsync(staying), Assert.Single(await app.SharesAsync(id)).UserId);
        using var stillShared = await staying.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, stillShared.StatusCode);
    }

    [Fact]
    public async Task Unshare_ByAnotherViewer_IsForbiddenAndKeepsTheShare()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var first = await app.NewUserAsync();
        using var second = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Owner decides", first, second);

        var firstId = await app.UserIdAsync(first);
        using var response = await second.PostWithTokenAsync($"/documents/{id}/shares/{firstId}/delete");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await app.SharesAsync(id)).Count);
    }
}
