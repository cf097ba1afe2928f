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
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Holiday plans");
        var viewersOwn = await viewer.CreateNoteIdAsync("My own note");

        using var response = await owner.ShareAsync(id, viewer.UserName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/documents/{id}", response.Headers.Location?.OriginalString);
        var shared = await viewer.GetPageAsync("/documents?owner=shared");
        Assert.Equal([id], shared.CardIds());
        Assert.Contains($"Shared by {owner.UserName}", shared.Card(id)!.TextContent, StringComparison.Ordinal);
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
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Team roster");

        using var response = await owner.ShareAsync(id, viewer.UserName);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var notification = Assert.Single(await app.NotificationsAsync(viewer));
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
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        var id = await owner.CreateNoteIdAsync("Shared once");

        using var first = await owner.ShareAsync(id, viewer.UserName);
        using var second = await owner.ShareAsync(id, viewer.UserName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Single(await app.SharesAsync(id));
        Assert.Single(await app.NotificationsAsync(viewer));
        Assert.Equal([id], await viewer.ListIdsAsync("/documents?owner=shared"));
    }

    [Fact]
    public async Task Details_ForTheOwner_ListsEveryViewer()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var first = await app.NewUserAsync();
        using var second = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Wide audience", first, second);

        var page = await owner.GetPageAsync($"/documents/{id}");

        var viewers = page.QuerySelectorAll(".viewer-list li span").Select(s => s.TextContent.Trim());
        Assert.Equal(new[] { first.UserName, second.UserName }.Order(StringComparer.Ordinal), viewers.Order(StringComparer.Ordinal));
        var firstId = await app.UserIdAsync(first);
        Assert.NotNull(page.QuerySelector($"form[action='/documents/{id}/shares/{firstId}/delete']"));
    }

    [Fact]
    public async Task Details_ForAViewer_DoesNotRevealWhoElseItIsSharedWith()
    {
        await using var app = await TestApp.StartAsync();
        using var owner = await app.NewUserAsync();
        using var viewer = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        var id = await owner.ShareNewNoteAsync("Need to know", viewer, other);

        var page = await viewer.GetPageAsync($"/documents/{id}");

        Assert.Empty(page.QuerySelectorAll(".viewer-list"));
        Assert.DoesNotContain(other.UserName, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
