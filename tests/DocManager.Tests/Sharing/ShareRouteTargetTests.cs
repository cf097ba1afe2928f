using System.Globalization;
using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sharing;

/// <summary>Sharing and unsharing act on the document and viewer in the address, whatever `id` or `userId` the body carries.</summary>
public sealed class ShareRouteTargetTests
{
    [Fact]
    public async Task Share_WithAnotherIdInTheBody_SharesTheDocumentInTheAddress()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        var target = await owner.CreateNoteIdAsync("Meant to be shared");
        var bystander = await owner.CreateNoteIdAsync("Meant to stay private");

        using var response = await owner.SubmitAsync($"/documents/{target}", $"/documents/{target}/shares",
            [new("username", viewerName), new("id", bystander.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await app.SharesAsync(target));
        Assert.Empty(await app.SharesAsync(bystander));
        Assert.Equal([target], await viewer.ListIdsAsync("/documents?owner=shared"));
    }

    [Fact]
    public async Task Unshare_WithOtherIdsInTheBody_RemovesTheViewerInTheAddress()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var leaving = app.CreateBrowser();
        var leavingName = await leaving.RegisterNewUserAsync();
        using var staying = app.CreateBrowser();
        var stayingName = await staying.RegisterNewUserAsync();
        var target = await owner.CreateNoteIdAsync("Shared with two");
        var bystander = await owner.CreateNoteIdAsync("Also shared");
        await owner.ShareDocumentAsync(target, leavingName);
        await owner.ShareDocumentAsync(target, stayingName);
        await owner.ShareDocumentAsync(bystander, leavingName);
        var leavingId = await app.UserIdAsync(leavingName);
        var stayingId = await app.UserIdAsync(stayingName);

        using var response = await owner.SubmitAsync($"/documents/{target}", $"/documents/{target}/shares/{leavingId}/delete",
            [new("id", bystander.ToString(CultureInfo.InvariantCulture)), new("userId", stayingId.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(stayingId, Assert.Single(await app.SharesAsync(target)).UserId);
        Assert.Equal(leavingId, Assert.Single(await app.SharesAsync(bystander)).UserId);
    }
}
