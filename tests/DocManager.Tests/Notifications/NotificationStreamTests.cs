using System.Globalization;
using System.Text.Json;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Notifications;

/// <summary>
/// SPEC §4 and issue 5: `GET /api/notifications/stream` is a Server-Sent Events stream that pushes
/// each new notification of its user as it happens, resumes after `Last-Event-ID` with what was
/// missed, sends comment heartbeats (`Notifications:Heartbeat`), and ends once its session is
/// signed out. In the scaled-out setup, a notification raised on one instance reaches a stream
/// held by another.
/// </summary>
public sealed class NotificationStreamTests
{
    [Fact]
    public async Task Stream_AnswersAsAnUncachedEventStream()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();

        await using var stream = await EventStreamReader.OpenAsync(reader);

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", stream.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Stream_PushesANotificationRaisedAfterConnecting(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(reader);

        var id = await sharer.ShareNewNoteAsync("Live share", reader);
        var pushed = await stream.NextEventAsync();

        var stored = Assert.Single(await app.NotificationsAsync(reader));
        AssertNotificationEvent(pushed, stored.Id, "shared", $"/documents/{id}");
        Assert.Contains("Live share", Data(pushed).GetProperty("message").GetString(), StringComparison.Ordinal);
        app.AssertIsNow(Data(pushed).GetProperty("createdAt").GetString()!);
    }

    [Theory]
    [OnEachDatabase]
    public async Task Stream_ResumedWithLastEventId_FirstSendsWhatWasMissed(Backend backend)
    {
        await using var app = await TestApp.StartAsync(backend);
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNoteAsync("Seen before the break", reader);
        var missedFirst = await sharer.ShareNewNoteAsync("Missed one", reader);
        var missedSecond = await sharer.ShareNewNoteAsync("Missed two", reader);
        var stored = await app.NotificationsAsync(reader);

        await using var stream = await EventStreamReader.OpenAsync(reader, lastEventId: stored[0].Id);
        var first = await stream.NextEventAsync();
        var second = await stream.NextEventAsync();
        var live = await sharer.ShareNewNoteAsync("After reconnecting", reader);
        var third = await stream.NextEventAsync();

        AssertNotificationEvent(first, stored[1].Id, "shared", $"/documents/{missedFirst}");
        AssertNotificationEvent(second, stored[2].Id, "shared", $"/documents/{missedSecond}");
        var liveId = (await app.NotificationsAsync(reader))[^1].Id;
        AssertNotificationEvent(third, liveId, "shared", $"/documents/{live}");
    }

    [Fact]
    public async Task Stream_WithoutLastEventId_SendsOnlyNewNotifications()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await sharer.ShareNewNoteAsync("Already listed", reader);

        await using var stream = await EventStreamReader.OpenAsync(reader);
        var live = await sharer.ShareNewNoteAsync("New one", reader);
        var pushed = await stream.NextEventAsync();

        Assert.Equal($"/documents/{live}", Data(pushed).GetProperty("link").GetString());
    }

    [Fact]
    public async Task Stream_CarriesOnlyItsOwnUsersNotifications()
    {
        await using var app = await TestApp.StartAsync();
        using var reader = await app.NewUserAsync();
        using var other = await app.NewUserAsync();
        using var sharer = await app.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(reader);

        await sharer.ShareNewNoteAsync("For the other user", other);
        var mine = await sharer.ShareNewNoteAsync("For the reader", reader);
        var pushed = await stream.NextEventAsync();

        Assert.Equal($"/documents/{mine}", Data(pushed).GetProperty("link").GetString());
    }

    [Fact]
    public async Task Stream_SendsCommentHeartbeatsAtTheConfiguredInterval()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Notifications:Heartbeat"] = "00:00:01" });
        using var reader = await app.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(reader);

        var blocks = new List<ServerSentEvent>();
        while (blocks.Count(b => b.IsComment) < 2)
        {
            blocks.Add(await stream.NextAsync(TimeSpan.FromSeconds(5)) ?? throw new InvalidOperationException("The stream ended."));
        }

        Assert.All(blocks.Where(b => b.IsComment), b => Assert.Equal("heartbeat", b.Comment));
        Assert.DoesNotContain(blocks, b => b.Data is not null);
    }

    [Fact]
    public async Task Stream_EndsAfterItsSessionIsSignedOutElsewhere()
    {
        // GIVEN a stream open on the laptop, and the same user signed in on a phone
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Notifications:Heartbeat"] = "00:00:01" });
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        await using var stream = await EventStreamReader.OpenAsync(laptop);
        var heartbeat = await NextCommentAsync(stream);

        // WHEN the phone signs out every other session
        await phone.SignOutEverywhereElseAsync();

        // THEN the laptop's stream ends at its next heartbeat at the latest, and its next page asks it to sign in
        var afterSignOut = await stream.ReadToEndAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("heartbeat", heartbeat.Comment);
        Assert.Empty(afterSignOut);
        await laptop.AssertSignedOutAsync();
    }

    [Fact]
    public async Task Stream_EndsWhenItsSessionExpires()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Notifications:Heartbeat"] = "00:00:01" });
        using var reader = await app.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(reader);
        Assert.Equal("heartbeat", (await NextCommentAsync(stream)).Comment);

        app.Clock.Advance(TimeSpan.FromHours(1)); // the default idle timeout, with no other request meanwhile

        Assert.Empty(await stream.ReadToEndAsync(TimeSpan.FromSeconds(5)));
        await reader.AssertSignedOutAsync();
    }

    [Fact]
    public async Task Stream_OfASignedOutSession_GetsNoMoreNotifications_EvenWhenBusy()
    {
        // GIVEN a stream open on the laptop, kept busy by a steady flow of notifications
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Notifications:Heartbeat"] = "00:00:01" });
        using var laptop = await app.NewUserAsync();
        using var phone = await app.SignInElsewhereAsync(laptop.UserName);

        using var sharer = await app.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(laptop);
        await sharer.ShareNewNoteAsync("Before signing out", laptop);
        Assert.NotNull((await stream.NextEventAsync()).Id);

        // WHEN the phone signs the laptop out, while documents keep being shared faster than the heartbeat
        await phone.SignOutEverywhereElseAsync();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var sharing = Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested && i <= 40; i++)
            {
                await sharer.ShareNewNoteAsync($"After signing out {i}", laptop);
                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);

        // THEN the signed-out stream is sent none of them and ends, and the laptop's next page asks it to sign in
        List<ServerSentEvent> afterSignOut;
        try
        {
            afterSignOut = await stream.ReadToEndAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await stop.CancelAsync();
            await sharing;
        }

        Assert.Empty(afterSignOut);
        await laptop.AssertSignedOutAsync();
    }

    [Fact]
    public async Task Stream_OnOneInstance_HearsANotificationRaisedOnAnother()
    {
        // GIVEN two instances behind a load balancer, sharing PostgreSQL and Redis
        await using var app = await TestApp.StartAsync(Backend.PostgresRedis);
        var first = app.Instance;
        var second = app.StartInstance();
        using var reader = await first.NewUserAsync();
        using var sharer = await second.NewUserAsync();
        await using var stream = await EventStreamReader.OpenAsync(reader);

        // WHEN the share is handled by the other instance
        var id = await sharer.ShareNewNoteAsync("Shared across instances", reader);

        // THEN the stream held by the first instance pushes it, saying who shared what
        var pushed = await stream.NextEventAsync();
        Assert.Equal(("shared", $"/documents/{id}"), (Data(pushed).GetProperty("kind").GetString(), Data(pushed).GetProperty("link").GetString()));
        Assert.Equal($"{sharer.UserName} shared “Shared across instances” with you", Data(pushed).GetProperty("message").GetString());
    }

    private static void AssertNotificationEvent(ServerSentEvent pushed, long id, string kind, string link)
    {
        Assert.Equal("notification", pushed.Event);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), pushed.Id);
        var data = Data(pushed);
        Assert.Equal(["createdAt", "id", "kind", "link", "message", "read"], data.PropertyNames());
        Assert.Equal((id, kind, link, false), (data.GetProperty("id").GetInt64(), data.GetProperty("kind").GetString(), data.GetProperty("link").GetString(), data.GetProperty("read").GetBoolean()));
    }

    private static JsonElement Data(ServerSentEvent pushed)
    {
        using var json = JsonDocument.Parse(pushed.Data!);
        return json.RootElement.Clone();
    }

    private static async Task<ServerSentEvent> NextCommentAsync(EventStreamReader stream)
    {
        while (true)
        {
            var next = await stream.NextAsync(TimeSpan.FromSeconds(5)) ?? throw new InvalidOperationException("The stream ended.");
            if (next.IsComment)
            {
                return next;
            }
        }
    }
}
