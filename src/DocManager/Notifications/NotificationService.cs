using DocManager.Data;

namespace DocManager.Notifications;

/// <summary>Records notifications for users. (Delivery to open pages comes with the live stream.)</summary>
public sealed class NotificationService(AppDbContext db, TimeProvider clock)
{
    public const string Shared = "shared";
    public const string Indexed = "indexed";
    public const string Storage = "storage";

    /// <summary>Adds the notification to the unit of work; it is saved with the caller's own changes.</summary>
    public Notification Add(int userId, string kind, string message, string? link)
    {
        var notification = new Notification
        {
            UserId = userId,
            Kind = kind,
            Message = message.Length <= 500 ? message : message[..497] + "…",
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(notification);
        return notification;
    }
}
