using System.Net;
using DocManager.Tests.Infrastructure;
using Field = System.Collections.Generic.KeyValuePair<string, string>;

namespace DocManager.Tests.Notifications;

/// <summary>
/// Issue 5, point 2, without JavaScript: `/notifications` lists the user's notifications newest
/// first with links; its mark-as-read forms (one, or all) are plain posts; every page's header
/// shows the unread count.
/// </summary>
public sealed class NotificationsPageTests
{
    [Theory]
    [OnEachDatabase]
    public async Task Page_ListsTheUsersNotificationsNewestFirst_WithLinks(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        var first = await sharer.ShareNewNoteAsync("Older <b>share</b>", reader);
        var second = await sharer.ShareNewNoteAsync("Newer share", reader);
        await sharer.ShareNewNoteAsync("Not for the reader", other);
        var stored = await app.NotificationsAsync(reader);

        var page = await reader.GetPageAsync("/notifications");

        Assert.Equal(stored.Select(n => n.Id).Reverse(), page.NotificationIds());
        var links = page.QuerySelectorAll("li[data-notification-id] a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/documents/{second}", $"/documents/{first}"], links);
        Assert.Contains("Older <b>share</b>", page.QuerySelectorAll("li[data-notification-id]")[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("li[data-notification-id] b"));
        Assert.DoesNotContain("Not for the reader", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task MarkAsReadForm_MarksThatOneWithoutJavaScript(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNotesAsync(reader, "First share", "Second share");
        var readerId = await app.UserIdAsync(reader);
        var target = (await app.NotificationsAsync(readerId))[0];
        var page = await reader.GetPageAsync("/notifications");
        var form = page.QuerySelector($"li[data-notification-id='{target.Id}'] form") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(form);
        Assert.Equal("/notifications/read", form.GetAttribute("action"));

        using var response = await reader.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/notifications", response.Headers.Location?.OriginalString);
        Assert.Equal([true, false], (await app.NotificationsAsync(readerId)).Select(n => n.ReadAt is not null));
        var after = await reader.GetPageAsync("/notifications");
        Assert.Null(after.QuerySelector($"li[data-notification-id='{target.Id}'] form"));
        Assert.Contains("is-read", after.QuerySelector($"li[data-notification-id='{target.Id}']")!.ClassList);
        Assert.Equal(1, after.UnreadBadge());
    }

    [Theory]
    [OnEachDatabase]
    public async Task MarkAllAsReadForm_MarksEveryOne(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNotesAsync(reader, "First share", "Second share");

        using var response = await reader.SubmitAsync("/notifications", "/notifications/read", formIndex: 0);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.All(await app.NotificationsAsync(reader), n => Assert.NotNull(n.ReadAt));
        var after = await reader.GetPageAsync("/notifications");
        Assert.Null(after.UnreadBadge());
        Assert.Empty(after.QuerySelectorAll("form[action='/notifications/read']"));
    }

    [Fact]
    public async Task MarkAsRead_OfAnotherUsersNotification_ChangesNothing()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNoteAsync("For the other user", other);
        var others = Assert.Single(await app.NotificationsAsync(other));

        using var response = await reader.PostWithTokenAsync("/notifications/read", new Field("ids", others.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Null(Assert.Single(await app.NotificationsAsync(other)).ReadAt);
    }

    [Fact]
    public async Task MarkAsRead_WithoutTheFormToken_IsRefused()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNoteAsync("Stays unread", reader);

        using var response = await reader.PostFormAsync("/notifications/read", [new Field("all", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Assert.Single(await app.NotificationsAsync(reader)).ReadAt);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Header_ShowsTheUnreadCountOnEveryPage(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        var none = await reader.GetPageAsync("/documents");
        await sharer.ShareNewNotesAsync(reader, "First share", "Second share");

        var documents = await reader.GetPageAsync("/documents");
        var settings = await reader.GetPageAsync("/settings");

        Assert.Null(none.UnreadBadge());
        Assert.Equal(2, documents.UnreadBadge());
        Assert.Equal(2, settings.UnreadBadge());
        Assert.StartsWith("2", documents.GetElementById("notification-count")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/notifications", documents.GetElementById("notification-count")!.Closest("a")?.GetAttribute("href"));
        Assert.Null((await sharer.GetPageAsync("/documents")).UnreadBadge());
    }

    [Fact]
    public async Task Page_WithoutNotifications_SaysSo()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();

        var page = await reader.GetPageAsync("/notifications");

        Assert.Empty(page.NotificationIds());
        Assert.NotNull(page.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task Page_ForAnAnonymousVisitor_RedirectsToLogin()
    {
        await using var app = await TestApp.StartAsync();
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fnotifications", response.Headers.Location?.PathAndQuery);
    }
}
