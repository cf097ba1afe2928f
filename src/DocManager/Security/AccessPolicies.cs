using Microsoft.AspNetCore.Authorization;

namespace DocManager.Security;

public static class AccessPolicies
{
    /// <summary>
    /// The fallback for every endpoint without its own rule: a signed-in user is required. A path
    /// that matches no endpoint at all is let through, so it ends as the plain 404 page rather than
    /// a sign-in redirect for something that does not exist; so is the endpoint routing makes to
    /// refuse a method (405), which carries no metadata, unlike every endpoint of the app.
    /// </summary>
    public static AuthorizationPolicy SignedInUnlessNoEndpoint { get; } = new AuthorizationPolicyBuilder()
        .RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true ||
            (context.Resource is HttpContext http && http.GetEndpoint() is null or { Metadata.Count: 0 }))
        .Build();
}
