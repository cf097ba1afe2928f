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
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 3000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 3000);
        options.ClientName ??= "docmanager";

        services.AddSingleton<RedisKeys>();
        return services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
    }
}
