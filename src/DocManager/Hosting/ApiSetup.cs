using DocManager.Search;

namespace DocManager.Hosting;

public static class ApiSetup
{
    /// <summary>The JSON API under `/api`: signed-in users only, problems as RFC 9457 JSON.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization();
        api.MapSuggest();
        return endpoints;
    }
}
