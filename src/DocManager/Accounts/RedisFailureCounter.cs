using DocManager.Hosting;
using StackExchange.Redis;

namespace DocManager.Accounts;

/// <summary>
/// The same fixed-window rule as <see cref="LocalFailureCounter"/>, kept in Redis so all instances
/// share it. Hand-written because the Redis rate-limiter packages count every check as a hit,
/// while here only failures may count (a correct password must not use up the allowance).
/// </summary>
internal sealed class RedisFailureCounter(IConnectionMultiplexer redis, RedisKeys keys) : IFailureCounter
{
    // The first failure starts the window; later ones only count inside it. Atomic as one script.
    private static readonly LuaScript Record = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @window) end return n");

    public async ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var redisKey = (RedisKey)keys.SignInFailures(key);
        var count = await db.StringGetAsync(redisKey);
        if (!count.HasValue || (long)count < limit)
        {
            return null;
        }

        var remaining = await db.KeyTimeToLiveAsync(redisKey);
        return remaining is { } ttl && ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1);
    }

    public async ValueTask RecordFailureAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(Record, new
        {
            key = (RedisKey)keys.SignInFailures(key),
            window = (long)window.TotalMilliseconds,
        });
}
