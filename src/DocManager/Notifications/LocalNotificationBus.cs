using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DocManager.Notifications;

/// <summary>Delivers notifications to the streams open on this instance.</summary>
public sealed class LocalNotificationBus : INotificationBus
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Channel<NotificationMessage>>> _subscribers = new();

    public Task PublishAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        Deliver(message);
        return Task.CompletedTask;
    }

    /// <summary>Hands a message to this instance's streams of its user (also used by the Redis bus on receipt).</summary>
    public void Deliver(NotificationMessage message)
    {
        if (_subscribers.TryGetValue(message.UserId, out var channels))
        {
            foreach (var channel in channels.Values)
            {
                channel.Writer.TryWrite(message);
            }
        }
    }

    public NotificationSubscription Subscribe(int userId)
    {
        // Bounded: a stream that stops reading loses its oldest events rather than the server's memory.
        var channel = Channel.CreateBounded<NotificationMessage>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        var channels = _subscribers.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Channel<NotificationMessage>>());
        channels[id] = channel;
        return new NotificationSubscription(channel.Reader, () =>
        {
            channels.TryRemove(id, out _);
            channel.Writer.TryComplete();
        });
    }
}
