namespace DocManager.Accounts;

/// <summary>
/// Counts failures per key inside a fixed window. In-process by default; in Redis when
/// configured, so every instance sees the same counts.
/// </summary>
public interface IFailureCounter
{
    /// <summary>How long the key stays blocked, or null when it may try again now.</summary>
    ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    ValueTask RecordFailureAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}
