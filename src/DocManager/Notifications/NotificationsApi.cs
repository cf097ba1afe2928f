using System.Globalization;
using System.Text.Json;
using DocManager.Hosting;
using DocManager.Sessions;

namespace DocManager.Notifications;

/// <summary>`/api/notifications`: the list, marking read, and the live stream (SPEC §4).</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapMethods("", [HttpMethods.Get, HttpMethods.Head], ListAsync).WithSummary("Unread count and notifications, newest first");
        notifications.MapPost("/read", MarkReadAsync).WithSummary("Mark { ids: [...] } or { all: true } read");
        notifications.MapGet("/stream", NotificationStream.RunAsync).WithSummary("Server-Sent Events: each new notification as it happens");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, NotificationService notifications, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var limit = 50;
        long? before = null;
        if (query.TryGetValue("limit", out var rawLimit) && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return ApiProblems.BadRequest("'limit' must be a whole number from 1 to 100");
        }

        if (query.TryGetValue("before", out var rawBefore))
        {
            if (!long.TryParse(rawBefore, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return ApiProblems.BadRequest("'before' must be a notification id");
            }

            before = id;
        }

        var (unread, items) = await notifications.ListAsync(http.User.GetUserId(), limit, before, cancellationToken);
        return TypedResults.Ok(new NotificationList(unread, items));
    }

    private static async Task<IResult> MarkReadAsync(JsonBody body, HttpContext http, NotificationService notifications, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<long>? ids = null;
        var all = body.Root.TryGetProperty("all", out var allValue) && allValue.ValueKind == JsonValueKind.True;
        if (!all)
        {
            if (!body.Root.TryGetProperty("ids", out var idsValue) || idsValue.ValueKind != JsonValueKind.Array ||
                idsValue.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out _)))
            {
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["ids"] = ["Send { \"ids\": [numbers] } or { \"all\": true }"] });
            }

            ids = [.. idsValue.EnumerateArray().Select(v => v.GetInt64())];
        }

        var userId = http.User.GetUserId();
        await notifications.MarkReadAsync(userId, ids, cancellationToken);
        return TypedResults.Ok(new { unread = await notifications.UnreadCountAsync(userId, cancellationToken) });
    }

    public sealed record NotificationList(int Unread, IReadOnlyList<NotificationMessage> Items);
}
