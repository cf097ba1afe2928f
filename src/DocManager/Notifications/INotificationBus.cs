using System.Threading.Channels;

namespace DocManager.Notifications;

/// <summary>
/// Carries new notifications to the live streams of their user. In one process by default; through
/// Redis pub/sub when configured, so a stream held by one instance hears what happened on another.
/// </summary>
public interface INotificationBus
{
    Task PublishAsync(NotificationMessage message, CancellationToken cancellationToken);

    /// <summary>Notifications for one user, from now until the subscription is disposed.</summary>
    NotificationSubscription Subscribe(int userId);
}

public sealed class NotificationSubscription(ChannelReader<NotificationMessage> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<NotificationMessage> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
