using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocManager.Tests.Infrastructure;

namespace DocManager.Tests.Notifications;

internal static class NotificationSteps
{
    /// <summary>`GET /api/notifications`, which must answer 200.</summary>
    public static Task<JsonElement> NotificationListAsync(this Browser browser) => browser.Api().GetJsonAsync("/api/notifications");

    /// <summary>The ids of the notifications on the `/notifications` page, in the order shown.</summary>
    public static IReadOnlyList<long> NotificationIds(this IHtmlDocument page) =>
        [.. page.QuerySelectorAll("li[data-notification-id]").Select(li => long.Parse(li.GetAttribute("data-notification-id")!, CultureInfo.InvariantCulture))];

    /// <summary>The unread count the page header shows, or null when its badge is hidden.</summary>
    public static int? UnreadBadge(this IHtmlDocument page)
    {
        var badge = page.GetElementById("notification-count");
        Assert.NotNull(badge);
        return badge.HasAttribute("hidden") ? null : int.Parse(badge.GetAttribute("data-unread")!, CultureInfo.InvariantCulture);
    }

    public static long Id64(this JsonElement notification) => notification.GetProperty("id").GetInt64();
}
