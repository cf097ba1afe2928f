namespace DocManager.Sessions;

/// <summary>
/// Marks endpoints that never use the signed-in user (static files, health probes): their requests
/// skip the session lookup, so they cost the session store nothing and still answer while it is down.
/// </summary>
public sealed class SessionNotNeeded
{
    public static bool For(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SessionNotNeeded>() is not null;
}

public static class SessionNotNeededExtensions
{
    public static TBuilder WithoutSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SessionNotNeeded());
}
