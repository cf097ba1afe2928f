using StackExchange.Redis;

namespace DocManager.Hosting;

public static class RedisSetup
{
    /// <summary>True when `ConnectionStrings:Redis` is set: sessions, keys and rate limits then live in Redis.</summary>
    public static bool UsesRedis(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    /// <summary>
    /// One multiplexer for the whole process. It connects in the background and keeps
    /// reconnecting, so the app starts (and answers 503 where Redis is needed) while Redis is down.
    /// </summary>
    public static IServiceCollection AddRedisWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.UsesRedis())
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis")!);
        options.AbortOnConnectFail = false;
        // Bounded waits: a Redis that hangs costs a request at most two seconds, never the client's patience.
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        // While disconnected, commands fail at once (the request answers 503) instead of queueing
        // until their timeout: waiting requests would pile up, then all retry together.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Reconnection is the multiplexer's job, in the background: every half second at first,
        // backing off to every five, so the app recovers within seconds of Redis returning.
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        options.ClientName ??= "docmanager";

        services.AddSingleton<RedisKeys>();
        return services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
    }
}
