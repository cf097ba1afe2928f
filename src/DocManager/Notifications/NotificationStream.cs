using System.Globalization;
using System.Text.Json;
using DocManager.Sessions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DocManager.Notifications;

/// <summary>
/// `GET /api/notifications/stream` as Server-Sent Events: first whatever the browser missed (after
/// `Last-Event-ID`), then each new notification as it is published, with a comment heartbeat that
/// keeps proxies from closing the connection and ends the stream once its session is signed out.
/// </summary>
internal static class NotificationStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(
        HttpContext http, INotificationBus bus, NotificationService notifications, ISessionStore sessions,
        IOptions<ServerSessionOptions> sessionOptions, TimeProvider clock, IConfiguration configuration)
    {
        var heartbeat = configuration.GetValue("Notifications:Heartbeat", TimeSpan.FromSeconds(15));
        var userId = http.User.GetUserId();
        var sessionId = http.User.GetSessionId();
        var stopping = http.RequestAborted;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events through at once

        // The session this stream was opened with is still signed in: not signed out, revoked or expired.
        async Task<bool> SignedInAsync() =>
            sessionId is not null && await sessions.FindAsync(sessionId, stopping) is { } session &&
            !session.IsExpired(clock.GetUtcNow().UtcDateTime, sessionOptions.Value.IdleTimeout);

        // Subscribe before catching up, so nothing published in between is lost; ids drop repeats.
        using var subscription = bus.Subscribe(userId);
        long lastSent = LastEventId(http);
        await http.Response.WriteAsync("retry: 3000\n\n", stopping);
        if (lastSent > 0)
        {
            foreach (var missed in await notifications.SinceAsync(userId, lastSent, stopping))
            {
                await SendAsync(http, missed, stopping);
                lastSent = missed.Id;
            }
        }

        await http.Response.Body.FlushAsync(stopping);
        while (!stopping.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            wait.CancelAfter(heartbeat);
            try
            {
                var message = await subscription.Reader.ReadAsync(wait.Token);
                // Live-only events (id 0) are not stored, so they have no id to resume from; stored ones
                // already sent while catching up come round again and are dropped by their id.
                if (message.Id == 0 || message.Id > lastSent)
                {
                    // Checked before every event too, or a busy stream would never reach the quiet
                    // interval where a signed-out session is noticed, and would keep sending.
                    if (!await SignedInAsync())
                    {
                        return;
                    }

                    if (message.Id == 0)
                    {
                        await SendLiveAsync(http, message, stopping);
                    }
                    else
                    {
                        await SendAsync(http, message, stopping);
                        lastSent = message.Id;
                    }
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // A quiet interval: check the session is still signed in, then send a heartbeat.
                if (!await SignedInAsync())
                {
                    return;
                }

                await http.Response.WriteAsync(": heartbeat\n\n", stopping);
                await http.Response.Body.FlushAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task SendAsync(HttpContext http, NotificationMessage message, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(message, Json);
        await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {message.Id}\nevent: notification\ndata: {data}\n\n"), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task SendLiveAsync(HttpContext http, NotificationMessage message, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(message, Json);
        await http.Response.WriteAsync($"event: {message.Kind}\ndata: {data}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static long LastEventId(HttpContext http)
    {
        var raw = http.Request.Headers["Last-Event-ID"].ToString();
        if (raw.Length == 0)
        {
            raw = http.Request.Query["lastEventId"].ToString();
        }

        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
    }
}
