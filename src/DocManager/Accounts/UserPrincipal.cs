using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DocManager.Accounts;

public static class UserPrincipal
{
    /// <summary>The claims a session carries: who the user is, nothing that can go stale in a harmful way.</summary>
    public static ClaimsPrincipal Create(User user) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
}
