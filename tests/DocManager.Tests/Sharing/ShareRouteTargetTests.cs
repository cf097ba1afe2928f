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
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var target = await owner.CreateNoteIdAsync("Meant to be shared");
        var bystander = await owner.CreateNoteIdAsync("Meant to stay private");

        using var response = await owner.SubmitAsync($"/documents/{target}", $"/documents/{target}/shares",
            [new("username", viewer.UserName), new("id", bystander.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await app.SharesAsync(target));
        Assert.Empty(await app.SharesAsync(bystander));
        Assert.Equal([target], await viewer.ListIdsAsync("/documents?owner=shared"));
    }

    [Fact]
    public async Task Unshare_WithOtherIdsInTheBody_RemovesTheViewerInTheAddress()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var leaving = await app.NewUserAsync();
        using var staying = await app.NewUserAsync();
        var target = await owner.CreateNoteIdAsync("Shared with two");
        var bystander = await owner.CreateNoteIdAsync("Also shared");
        await owner.ShareDocumentAsync(target, leaving, staying);
        await owner.ShareDocumentAsync(bystander, leaving);
        var leavingId = await app.UserIdAsync(leaving);
        var stayingId = await app.UserIdAsync(staying);

        using var response = await owner.SubmitAsync($"/documents/{target}", $"/documents/{target}/shares/{leavingId}/delete",
            [new("id", bystander.ToString(CultureInfo.InvariantCulture)), new("userId", stayingId.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(stayingId, Assert.Single(await app.SharesAsync(target)).UserId);
        Assert.Equal(leavingId, Assert.Single(await app.SharesAsync(bystander)).UserId);
    }
}
