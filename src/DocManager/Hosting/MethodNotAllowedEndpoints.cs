namespace DocManager.Hosting;

/// <summary>
/// 405 (with `Allow`) for the methods an endpoint under `/documents/{id}/…` does not take. Routing would
/// say so itself, but the details page's route (`/documents/{id}/{handler?}`) is a candidate for every
/// method at that depth, and when its constraint then rejects the path, routing is left with no
/// endpoint and answers 404. This later-ordered endpoint, for all methods, answers 405 instead; the
/// real endpoint's own methods still reach it, since it has the lower order.
/// </summary>
public static class MethodNotAllowedEndpoints
{
    public static void MapMethodNotAllowed(this IEndpointRouteBuilder endpoints, string pattern, params string[] allowed) =>
        endpoints.Map(pattern, (HttpContext http) =>
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).WithOrder(1).WithMetadata(new MethodNotAllowedFallback()).ExcludeFromDescription();
}

/// <summary>Marks an endpoint that only refuses methods (see <see cref="MethodNotAllowedEndpoints"/>): it is no route of its own.</summary>
public sealed class MethodNotAllowedFallback;
