using System.Net;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Notifications;

/// <summary>
/// SPEC §4: `GET /api/notifications` answers `{ unread, items: [{ id, kind, message, link,
/// createdAt, read }] }` newest first; `POST /api/notifications/read` marks `{ ids }` (the user's
/// own only) or `{ all: true }` read.
/// </summary>
public sealed class NotificationsApiTests
{
    [Theory]
    [OnEachDatabase]
    public async Task List_AnswersTheUnreadCountAndItemsNewestFirst(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        var first = await sharer.ShareNewNoteAsync("First shared", reader);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sharer.ShareNewNoteAsync("Second shared", reader);
        var third = await sharer.ShareNewNoteAsync("Third shared", reader);

        var list = await reader.NotificationListAsync();

        Assert.Equal(["items", "unread"], list.PropertyNames());
        Assert.Equal(3, list.GetProperty("unread").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, item => Assert.Equal(["createdAt", "id", "kind", "link", "message", "read"], item.PropertyNames()));
        Assert.Equal([$"/documents/{third}", $"/documents/{second}", $"/documents/{first}"], items.Select(i => i.Text("link")));
        var ids = items.Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(items, item => Assert.Equal(("shared", false), (item.Text("kind"), item.GetProperty("read").GetBoolean())));
        Assert.Contains("Third shared", items[0].Text("message"), StringComparison.Ordinal);
        Assert.Contains(sharer.UserName, items[0].Text("message"), StringComparison.Ordinal);
        app.AssertIsNow(items[0].Text("createdAt"));
        Assert.True(DateTimeOffset.Parse(items[2].Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.Parse(items[0].Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        var sharers = await sharer.NotificationListAsync();
        Assert.Equal(0, sharers.GetProperty("unread").GetInt32());
        Assert.Empty(sharers.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [OnEachDatabase]
    public async Task MarkRead_WithIds_MarksOnlyThose_AndIgnoresOtherUsersIds(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNotesAsync(reader, "For the reader 1", "For the reader 2", "For the reader 3");
        await sharer.ShareNewNoteAsync("For someone else", other);
        var readers = await app.NotificationsAsync(reader);
        var others = Assert.Single(await app.NotificationsAsync(other));

        using var response = await reader.Api().PostJsonAsync("/api/notifications/read", new { ids = new List<long> { readers[0].Id, readers[2].Id, others.Id, 999_999 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("unread").GetInt32());
        var after = await app.NotificationsAsync(reader);
        Assert.Equal([true, false, true], after.Select(n => n.ReadAt is not null));
        Assert.Null(Assert.Single(await app.NotificationsAsync(other)).ReadAt);
        var list = await reader.NotificationListAsync();
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        Assert.Equal([true, false, true], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("read").GetBoolean()));
        Assert.Equal(1, (await other.NotificationListAsync()).GetProperty("unread").GetInt32());
    }

    [Theory]
    [OnEachDatabase]
    public async Task MarkRead_WithAll_MarksEveryOneOfTheUsers(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNotesAsync(reader, "For the reader 1", "For the reader 2");
        await sharer.ShareNewNoteAsync("For someone else", other);

        using var response = await reader.Api().PostJsonAsync("/api/notifications/read", new { all = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(await app.NotificationsAsync(reader), n => Assert.NotNull(n.ReadAt));
        Assert.Null(Assert.Single(await app.NotificationsAsync(other)).ReadAt);
        var list = await reader.NotificationListAsync();
        Assert.Equal(0, list.GetProperty("unread").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("read").GetBoolean()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "all": false }""")]
    [InlineData("""{ "ids": "1,2" }""")]
    [InlineData("""{ "ids": ["one"] }""")]
    [InlineData("""{ "ids": [1.5] }""")]
    // A body that is not an object at all is refused before this endpoint looks at it (MalformedInputSweep).
    public async Task MarkRead_WithNeitherIdsNorAll_Returns400AndMarksNothing(string json)
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNoteAsync("Still unread", reader);

        using var response = await reader.Api().PostJsonAsync("/api/notifications/read", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertValidationProblemAsync("ids");
        Assert.Null(Assert.Single(await app.NotificationsAsync(reader)).ReadAt);
    }

    [Fact]
    public async Task List_OfANewUser_IsEmpty()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();

        var list = await reader.NotificationListAsync();

        Assert.Equal(0, list.GetProperty("unread").GetInt32());
        Assert.Equal(JsonValueKind.Array, list.GetProperty("items").ValueKind);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }
}
