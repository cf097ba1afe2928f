using System.Text.Json;
using DocManager.Hosting;
using StackExchange.Redis;

namespace DocManager.Notifications;

/// <summary>
/// Carries notifications between instances through Redis pub/sub: every instance publishes to one
/// channel and hands what it hears (its own messages included) to the streams open on it, so a
/// stream held by one instance hears what happened on another.
/// </summary>
internal sealed partial class RedisNotificationBus(
    IConnectionMultiplexer redis, RedisKeys keys, LocalNotificationBus local, ILogger<RedisNotificationBus> logger) : INotificationBus, IHostedService
{
    private RedisChannel Channel => RedisChannel.Literal(keys.Notifications);

    public async Task PublishAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(Envelope.From(message)));
        }
        catch (RedisException exception)
        {
            // The notification is stored already: a reconnecting stream (Last-Event-ID) or the page
            // finds it. Streams on this instance can still have it now.
            LogPublishFailed(exception);
            local.Deliver(message);
        }
    }

    public NotificationSubscription Subscribe(int userId) => local.Subscribe(userId);

    /// <summary>
    /// Listens from startup. Fire-and-forget, so a Redis that is down does not stop the app: the
    /// multiplexer keeps the subscription and renews it whenever it reconnects.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value), CommandFlags.FireAndForget);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel, flags: CommandFlags.FireAndForget);
        }
        catch (ObjectDisposedException)
        {
            // The connection is closed already while the host shuts down: no subscription is left.
        }
    }

    private void Receive(RedisValue value)
    {
        try
        {
            if (JsonSerializer.Deserialize<Envelope>((string)value!) is { } envelope)
            {
                local.Deliver(envelope.ToMessage());
            }
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception);
        }
    }

    /// <summary>The message with the user it is for, which the API's JSON leaves out.</summary>
    private sealed record Envelope(long Id, int UserId, string Kind, string Message, string? Link, DateTime CreatedAt, bool Read)
    {
        public static Envelope From(NotificationMessage m) => new(m.Id, m.UserId, m.Kind, m.Message, m.Link, m.CreatedAt, m.Read);

        public NotificationMessage ToMessage() => new(Id, UserId, Kind, Message, Link, DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), Read);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification could not be published to Redis; only this instance's streams get it now")]
    private partial void LogPublishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unreadable notification arrived from Redis and was dropped")]
    private partial void LogUnreadable(Exception exception);
}
