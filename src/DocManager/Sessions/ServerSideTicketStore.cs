using DocManager.Errors;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DocManager.Sessions;

/// <summary>
/// Plugs <see cref="ISessionStore"/> into cookie authentication: the cookie carries only an
/// encrypted random key, the ticket stays on the server, and the idle and absolute limits are
/// checked here on every request.
/// </summary>
internal sealed class ServerSideTicketStore(IOptions<ServerSessionOptions> options, TimeProvider clock) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = SessionKey.New();
        var id = SessionKey.RecordId(key);
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaims.SessionId, id));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new ServerSession
        {
            Id = id,
            UserId = ticket.Principal.GetUserId(),
            Ticket = Serializer.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Value.AbsoluteLifetime,
            Client = Truncate(httpContext.Request.Headers.UserAgent.ToString(), ServerSessionLimits.ClientLength),
            IpAddress = httpContext.Connection.RemoteIpAddress?.ToString(),
        };
        await Store(httpContext).AddAsync(session, cancellationToken);
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (SessionNotNeeded.For(httpContext) || ServiceOutage.IsBeingReported(httpContext))
        {
            // No user needed, or the outage page re-running the request: asking the store that just
            // failed would fail the error page too, so it is shown as to a visitor. The cookie stays.
            return null;
        }

        var store = Store(httpContext);
        var session = await store.FindAsync(SessionKey.RecordId(key), cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (session.IsExpired(now, options.Value.IdleTimeout))
        {
            await store.RemoveAsync(session.Id, cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= options.Value.ActivityWriteInterval)
        {
            await store.TouchAsync(session, now, cancellationToken);
        }

        return Serializer.Deserialize(session.Ticket);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        Store(httpContext).ReplaceTicketAsync(
            SessionKey.RecordId(key),
            Serializer.Serialize(ticket),
            ticket.Properties.ExpiresUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime + options.Value.AbsoluteLifetime,
            cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        Store(httpContext).RemoveAsync(SessionKey.RecordId(key), cancellationToken);

    // The cookie handler always calls the overloads above; these exist only to satisfy the interface.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw HttpContextRequired();

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw HttpContextRequired();

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw HttpContextRequired();

    public Task RemoveAsync(string key) => throw HttpContextRequired();

    private static ISessionStore Store(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<ISessionStore>();

    private static NotSupportedException HttpContextRequired() =>
        new("Server-side sessions are resolved per request; call the overload that takes an HttpContext.");

    private static string? Truncate(string value, int length) =>
        value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
