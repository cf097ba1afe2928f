using DocManager.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DocManager.Sessions;

/// <summary>
/// Sessions in Redis, shared by every app instance: one hash per session whose TTL is the idle
/// timeout (so Redis itself ends idle sessions), and one set per user listing their session ids.
/// </summary>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ServerSessionOptions> options, TimeProvider clock) : ISessionStore
{
    private static readonly TimeSpan IndexLifetime = TimeSpan.FromDays(31);

    private IDatabase Db => redis.GetDatabase();

    public async Task AddAsync(ServerSession session, CancellationToken cancellationToken)
    {
        var key = keys.Session(session.Id);
        var index = keys.UserSessions(session.UserId);
        var batch = Db.CreateTransaction();
        _ = batch.HashSetAsync(key,
        [
            new(nameof(ServerSession.UserId), session.UserId),
            new(nameof(ServerSession.Ticket), session.Ticket),
            new(nameof(ServerSession.CreatedAt), session.CreatedAt.Ticks),
            new(nameof(ServerSession.LastSeenAt), session.LastSeenAt.Ticks),
            new(nameof(ServerSession.ExpiresAt), session.ExpiresAt.Ticks),
            new(nameof(ServerSession.Client), session.Client ?? ""),
            new(nameof(ServerSession.IpAddress), session.IpAddress ?? ""),
        ]);
        _ = batch.KeyExpireAsync(key, TimeToLive(session, session.LastSeenAt));
        _ = batch.SetAddAsync(index, session.Id);
        _ = batch.KeyExpireAsync(index, IndexLifetime);
        await batch.ExecuteAsync();
    }

    public async Task<ServerSession?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var fields = await Db.HashGetAllAsync(keys.Session(id));
        return fields.Length == 0 ? null : Read(id, fields);
    }

    public async Task TouchAsync(ServerSession session, DateTime lastSeenAt, CancellationToken cancellationToken)
    {
        var key = keys.Session(session.Id);
        var batch = Db.CreateTransaction();
        // Only touch a session that still exists: a revoked one must not be brought back.
        batch.AddCondition(Condition.KeyExists(key));
        _ = batch.HashSetAsync(key, nameof(ServerSession.LastSeenAt), lastSeenAt.Ticks);
        _ = batch.KeyExpireAsync(key, TimeToLive(session, lastSeenAt));
        await batch.ExecuteAsync();
    }

    public async Task ReplaceTicketAsync(string id, byte[] ticket, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var key = keys.Session(id);
        var batch = Db.CreateTransaction();
        batch.AddCondition(Condition.KeyExists(key));
        _ = batch.HashSetAsync(key, [new(nameof(ServerSession.Ticket), ticket), new(nameof(ServerSession.ExpiresAt), expiresAt.Ticks)]);
        await batch.ExecuteAsync();
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var key = keys.Session(id);
        var userId = await Db.HashGetAsync(key, nameof(ServerSession.UserId));
        await Db.KeyDeleteAsync(key);
        if (userId.HasValue)
        {
            await Db.SetRemoveAsync(keys.UserSessions((int)userId), id);
        }
    }

    public async Task<IReadOnlyList<ServerSession>> ListForUserAsync(int userId, CancellationToken cancellationToken)
    {
        var index = keys.UserSessions(userId);
        var ids = await Db.SetMembersAsync(index);
        var reads = ids.Select(id => Db.HashGetAllAsync(keys.Session(id.ToString()))).ToArray();
        var records = await Task.WhenAll(reads);

        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = new List<ServerSession>();
        var gone = new List<RedisValue>();
        for (var i = 0; i < ids.Length; i++)
        {
            var session = records[i].Length == 0 ? null : Read(ids[i].ToString(), records[i]);
            if (session is null || session.IsExpired(now, options.Value.IdleTimeout))
            {
                gone.Add(ids[i]);
            }
            else
            {
                sessions.Add(session);
            }
        }

        if (gone.Count > 0)
        {
            await Db.SetRemoveAsync(index, [.. gone]);
        }

        return [.. sessions.OrderByDescending(s => s.LastSeenAt)];
    }

    public async Task RemoveAllForUserAsync(int userId, string? exceptId, CancellationToken cancellationToken)
    {
        var index = keys.UserSessions(userId);
        var ids = (await Db.SetMembersAsync(index)).Where(id => id != exceptId).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        await Db.KeyDeleteAsync([.. ids.Select(id => keys.Session(id.ToString()))]);
        await Db.SetRemoveAsync(index, ids);
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    /// <summary>Idle timeout from the last activity, but never past the absolute end.</summary>
    private TimeSpan TimeToLive(ServerSession session, DateTime lastSeenAt)
    {
        var idle = options.Value.IdleTimeout - (clock.GetUtcNow().UtcDateTime - lastSeenAt);
        var absolute = session.ExpiresAt - clock.GetUtcNow().UtcDateTime;
        var ttl = idle < absolute ? idle : absolute;
        return ttl > TimeSpan.FromSeconds(1) ? ttl : TimeSpan.FromSeconds(1);
    }

    private static ServerSession Read(string id, HashEntry[] fields)
    {
        var values = fields.ToDictionary(f => f.Name.ToString(), f => f.Value);
        DateTime Ticks(string name) => new((long)values[name], DateTimeKind.Utc);
        string? Text(string name) => values.TryGetValue(name, out var v) && !v.IsNullOrEmpty ? v.ToString() : null;

        return new ServerSession
        {
            Id = id,
            UserId = (int)values[nameof(ServerSession.UserId)],
            Ticket = (byte[])values[nameof(ServerSession.Ticket)]!,
            CreatedAt = Ticks(nameof(ServerSession.CreatedAt)),
            LastSeenAt = Ticks(nameof(ServerSession.LastSeenAt)),
            ExpiresAt = Ticks(nameof(ServerSession.ExpiresAt)),
            Client = Text(nameof(ServerSession.Client)),
            IpAddress = Text(nameof(ServerSession.IpAddress)),
        };
    }
}
