using DocManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocManager.Sessions;

/// <summary>Sessions as rows of the application database: the embedded default.</summary>
internal sealed class DatabaseSessionStore(AppDbContext db, IOptions<ServerSessionOptions> options, TimeProvider clock) : ISessionStore
{
    public async Task AddAsync(ServerSession session, CancellationToken cancellationToken)
    {
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
    }

    public Task<ServerSession?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task TouchAsync(ServerSession session, DateTime lastSeenAt, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, lastSeenAt), cancellationToken);

    public Task ReplaceTicketAsync(string id, byte[] ticket, DateTime expiresAt, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticket).SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<ServerSession>> ListForUserAsync(int userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.Value.IdleTimeout;
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
    }

    public Task RemoveAllForUserAsync(int userId, string? exceptId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId && s.Id != exceptId).ExecuteDeleteAsync(cancellationToken);

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        db.Database.CanConnectAsync(cancellationToken);

    /// <summary>Deletes rows of sessions that ended; Redis needs no such sweep, its keys expire.</summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.Value.IdleTimeout;
        return db.Sessions.Where(s => s.ExpiresAt <= now || s.LastSeenAt <= idleSince).ExecuteDeleteAsync(cancellationToken);
    }
}
