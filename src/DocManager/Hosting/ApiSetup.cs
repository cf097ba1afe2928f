using DocManager.Accounts;
using DocManager.Documents;
using DocManager.Intake;
using DocManager.Notifications;
using DocManager.Search;
using DocManager.Security;

namespace DocManager.Hosting;

public static class ApiSetup
{
    /// <summary>
    /// The JSON API under `/api`: signed-in users only (401 problem, never a redirect), the
    /// anti-forgery header on every unsafe method, problems as RFC 9457 JSON, described at `/openapi/v1.json`.
    /// </summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().AddEndpointFilter(ApiAntiforgery.RequireTokenHeader);
        api.MapMeApi();
        api.MapDocumentsApi();
        api.MapFilesApi();
        api.MapSuggest();
        api.MapNotificationsApi();
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}
