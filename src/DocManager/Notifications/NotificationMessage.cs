using System.Text.Json.Serialization;

namespace DocManager.Notifications;

/// <summary>A notification as the API and the live stream send it (SPEC §4).</summary>
public sealed record NotificationMessage(
    long Id,
    [property: JsonIgnore] int UserId,
    string Kind,
    string Message,
    string? Link,
    DateTime CreatedAt,
    bool Read)
{
    public static NotificationMessage From(Notification notification) => new(
        notification.Id, notification.UserId, notification.Kind, notification.Message, notification.Link, notification.CreatedAt, notification.ReadAt is not null);
}
