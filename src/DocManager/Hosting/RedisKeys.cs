namespace DocManager.Hosting;

/// <summary>
/// Every Redis key the app uses, under one prefix (`Redis:KeyPrefix`, default `docmanager:`),
/// so several deployments, or test runs, can share one Redis server.
/// </summary>
public sealed class RedisKeys(IConfiguration configuration)
{
    public string Prefix { get; } = configuration["Redis:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "docmanager:";

    public string Session(string id) => $"{Prefix}session:{id}";

    public string UserSessions(int userId) => $"{Prefix}user-sessions:{userId}";

    public string DataProtectionKeys => $"{Prefix}data-protection-keys";

    public string SignInFailures(string partition) => $"{Prefix}sign-in-failures:{partition}";

    /// <summary>The pub/sub channel that carries new notifications to every instance's live streams.</summary>
    public string Notifications => $"{Prefix}notifications";

    /// <summary>The pub/sub channel on which an instance that enqueued jobs wakes every worker.</summary>
    public string JobWakeUps => $"{Prefix}job-wake-ups";
}
