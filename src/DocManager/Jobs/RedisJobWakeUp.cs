using DocManager.Hosting;
using StackExchange.Redis;

namespace DocManager.Jobs;

/// <summary>
/// With Redis, a wake-up is published to every instance: a web-only instance that enqueued an upload's
/// jobs wakes the workers on other machines at once. Instances that run jobs listen (as a hosted
/// service) and wake their own runner on each message.
/// </summary>
internal sealed partial class RedisJobWakeUp(
    IConnectionMultiplexer redis, RedisKeys keys, JobSignal signal, ILogger<RedisJobWakeUp> logger) : IJobWakeUp, IHostedService
{
    private RedisChannel Channel => RedisChannel.Literal(keys.JobWakeUps);

    public void Wake()
    {
        signal.Notify();
        try
        {
            // Fire and forget: an upload must not wait on Redis for a hint the workers' polling makes up for.
            redis.GetSubscriber().Publish(Channel, RedisValue.EmptyString, CommandFlags.FireAndForget);
        }
        catch (RedisException exception)
        {
            LogPublishFailed(exception);
        }
    }

    /// <summary>Fire-and-forget like the notification bus: the multiplexer renews the subscription whenever it reconnects.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => signal.Notify(), CommandFlags.FireAndForget);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the workers through Redis; they will find the jobs at their next poll")]
    private partial void LogPublishFailed(Exception exception);
}
