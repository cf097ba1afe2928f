using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace DocManager.Accounts;

/// <summary>
/// The framework's fixed-window rate limiter, one per key: a failure takes a permit, and a key
/// with no permits left is blocked until its window ends. Used when there is no Redis.
/// </summary>
internal sealed class LocalFailureCounter : IFailureCounter, IDisposable
{
    private readonly ConcurrentDictionary<(int Limit, TimeSpan Window), PartitionedRateLimiter<string>> _limiters = new();

    public ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        using var lease = Limiter(limit, window).AttemptAcquire(key, permitCount: 0);
        return ValueTask.FromResult(lease.IsAcquired ? null : RetryAfter(lease, window));
    }

    public ValueTask RecordFailureAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        using var _ = Limiter(limit, window).AttemptAcquire(key, permitCount: 1);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private PartitionedRateLimiter<string> Limiter(int limit, TimeSpan window) =>
        _limiters.GetOrAdd((limit, window), rule => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.Limit,
                Window = rule.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })));

    private static TimeSpan? RetryAfter(RateLimitLease lease, TimeSpan window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
}
