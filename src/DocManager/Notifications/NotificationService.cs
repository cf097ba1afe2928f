using DocManager.Data;
using Microsoft.EntityFrameworkCore;

namespace DocManager.Notifications;

/// <summary>
/// Records notifications in the caller's unit of work and, once that is committed, sends them to
/// the user's open pages (<see cref="PublishAsync"/>).
/// </summary>
public sealed class NotificationService(AppDbContext db, INotificationBus bus, TimeProvider clock)
{
    public const string Shared = "shared";
    public const string Indexed = "indexed";
    public const string Storage = "storage";

    /// <summary>A live-only event: a document's thumbnail is ready (<see cref="PublishLiveAsync"/>).</summary>
    public const string PreviewReady = "preview";

    private readonly List<Notification> _pending = [];

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
        _pending.Add(notification);
        return notification;
    }

    /// <summary>Sends the notifications added so far to live streams; call after they were committed.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        var sent = _pending.Where(n => n.Id != 0).ToList();
        _pending.Clear();
        foreach (var notification in sent)
        {
            await bus.PublishAsync(NotificationMessage.From(notification), cancellationToken);
        }
    }

    /// <summary>
    /// Tells the users' open pages something that is not worth keeping as a notification (a thumbnail is
    /// ready): sent to live streams only, with id 0, and never stored, so it is not in anyone's list.
    /// </summary>
    public async Task PublishLiveAsync(IEnumerable<int> userIds, string kind, string message, string? link, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
        {
            await bus.PublishAsync(new NotificationMessage(0, userId, kind, message, link, now, Read: true), cancellationToken);
        }
    }

    public async Task<(int Unread, IReadOnlyList<NotificationMessage> Items)> ListAsync(int userId, int limit, long? before, CancellationToken cancellationToken)
    {
        var unread = await UnreadCountAsync(userId, cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (before is { } id)
        {
            query = query.Where(n => n.Id < id);
        }

        var items = await query.OrderByDescending(n => n.Id).Take(limit).ToListAsync(cancellationToken);
        return (unread, [.. items.Select(NotificationMessage.From)]);
    }

    public Task<int> UnreadCountAsync(int userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks the user's notifications read: the given ones, or all. Other users' ids are ignored.</summary>
    public Task<int> MarkReadAsync(int userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (ids is not null)
        {
            mine = mine.Where(n => ids.Contains(n.Id));
        }

        return mine.ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Notifications after <paramref name="afterId"/>, oldest first: what a reconnecting stream missed.</summary>
    public async Task<IReadOnlyList<NotificationMessage>> SinceAsync(int userId, long afterId, CancellationToken cancellationToken) =>
        [.. (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Id > afterId)
            .OrderBy(n => n.Id).Take(100).ToListAsync(cancellationToken)).Select(NotificationMessage.From)];
}
