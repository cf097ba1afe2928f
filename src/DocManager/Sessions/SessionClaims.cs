using System.Globalization;
using System.Security.Claims;

namespace DocManager.Sessions;

public static class SessionClaims
{
    /// <summary>Holds the record id of the request's own session (kept server-side, never in the cookie).</summary>
    public const string SessionId = "docmanager:session";

    public static int GetUserId(this ClaimsPrincipal principal) =>
        int.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)
                  ?? throw new InvalidOperationException("The principal has no user id."), CultureInfo.InvariantCulture);

    public static string? GetSessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionId);
}
