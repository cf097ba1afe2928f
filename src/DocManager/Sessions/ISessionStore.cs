namespace DocManager.Sessions;

/// <summary>
/// Where server-side sessions live: the database on the embedded default, Redis when
/// `ConnectionStrings:Redis` is set. Callers apply the lifetime rules; stores only keep records.
/// </summary>
public interface ISessionStore
{
    Task AddAsync(ServerSession session, CancellationToken cancellationToken);

    Task<ServerSession?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records activity: a new "last seen" (and, in Redis, a fresh idle TTL).</summary>
    Task TouchAsync(ServerSession session, DateTime lastSeenAt, CancellationToken cancellationToken);

    Task ReplaceTicketAsync(string id, byte[] ticket, DateTime expiresAt, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>The user's sessions that have not yet expired, newest first.</summary>
    Task<IReadOnlyList<ServerSession>> ListForUserAsync(int userId, CancellationToken cancellationToken);

    /// <summary>Ends every session of the user except <paramref name="exceptId"/>.</summary>
    Task RemoveAllForUserAsync(int userId, string? exceptId, CancellationToken cancellationToken);

    /// <summary>For readiness: can the store be reached right now?</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
