using System.Net;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Sharing;

/// <summary>SPEC §1 and §3: the owner shares a document read-only by username; the viewer finds it and is told.</summary>
public sealed class ShareTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Share_ByUserNameInAnotherCase_PutsTheDocumentInTheViewersLists(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = app.CreateBrowser();
        var ownerName = await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        var id = await owner.CreateNoteIdAsync("Holiday plans");
        var viewersOwn = await viewer.CreateNoteIdAsync("My own note");

        using var response = await owner.ShareAsync(id, viewerName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{id}", response.Headers.Location?.OriginalString);
        var shared = await viewer.GetPageAsync("/documents?owner=shared");
        Assert.Equal([id], shared.CardIds());
        Assert.Contains($"Shared by {ownerName}", shared.Card(id)!.TextContent, StringComparison.Ordinal);
        Assert.Equal([id, viewersOwn], (await viewer.ListIdsAsync("/documents")).Order());
        Assert.Equal([viewersOwn], await viewer.ListIdsAsync("/documents?owner=me"));
        Assert.Equal([id], await owner.ListIdsAsync("/documents?owner=me"));
        Assert.Empty(await owner.ListIdsAsync("/documents?owner=shared"));
    }

    [Theory]
    [OnEachDatabase]
    public async Task Share_NotifiesTheViewer(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        var id = await owner.CreateNoteIdAsync("Team roster");

        using var response = await owner.ShareAsync(id, viewerName);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var notification = Assert.Single(await app.NotificationsAsync(await app.UserIdAsync(viewerName)));
        Assert.Equal("shared", notification.Kind);
        Assert.Equal($"/documents/{id}", notification.Link);
        Assert.Contains("Team roster", notification.Message, StringComparison.Ordinal);
        Assert.Null(notification.ReadAt);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Share_Twice_KeepsOneShareAndOneNotification(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        var id = await owner.CreateNoteIdAsync("Shared once");

        using var first = await owner.ShareAsync(id, viewerName);
        using var second = await owner.ShareAsync(id, viewerName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Single(await app.SharesAsync(id));
        Assert.Single(await app.NotificationsAsync(await app.UserIdAsync(viewerName)));
        Assert.Equal([id], await viewer.ListIdsAsync("/documents?owner=shared"));
    }

    [Fact]
    public async Task Details_ForTheOwner_ListsEveryViewer()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var first = app.CreateBrowser();
        var firstName = await first.RegisterNewUserAsync();
        using var second = app.CreateBrowser();
        var secondName = await second.RegisterNewUserAsync();
        var id = await owner.CreateNoteIdAsync("Wide audience");
        await owner.ShareDocumentAsync(id, firstName);
        await owner.ShareDocumentAsync(id, secondName);

        var page = await owner.GetPageAsync($"/documents/{id}");

        var viewers = page.QuerySelectorAll(".viewer-list li span").Select(s => s.TextContent.Trim());
        Assert.Equal(new[] { firstName, secondName }.Order(StringComparer.Ordinal), viewers.Order(StringComparer.Ordinal));
        var firstId = await app.UserIdAsync(firstName);
        Assert.NotNull(page.QuerySelector($"form[action='/documents/{id}/shares/{firstId}/delete']"));
    }

    [Fact]
    public async Task Details_ForAViewer_DoesNotRevealWhoElseItIsSharedWith()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = app.CreateBrowser();
        await owner.RegisterNewUserAsync();
        using var viewer = app.CreateBrowser();
        var viewerName = await viewer.RegisterNewUserAsync();
        using var other = app.CreateBrowser();
        var otherName = await other.RegisterNewUserAsync();
        var id = await owner.CreateNoteIdAsync("Need to know");
        await owner.ShareDocumentAsync(id, viewerName);
        await owner.ShareDocumentAsync(id, otherName);

        var page = await viewer.GetPageAsync($"/documents/{id}");

        Assert.Empty(page.QuerySelectorAll(".viewer-list"));
        Assert.DoesNotContain(otherName, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
