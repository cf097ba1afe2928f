using DocManager.Security;

namespace DocManager.Hosting;

public static class ApiSetup
{
    /// <summary>
    /// The group every JSON endpoint joins, under `/api`: signed-in users only (401 problem, never a
    /// redirect), the anti-forgery header on every unsafe method, problems as RFC 9457 JSON.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireTokenHeader);

    /// <summary>The API described at `/openapi/v1.json`, readable without signing in.</summary>
    public static IEndpointRouteBuilder MapOpenApiDescription(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}
