using Microsoft.AspNetCore.Antiforgery;

namespace DocManager.Security;

/// <summary>
/// The API is authenticated by the session cookie, which a browser also sends with requests another
/// site forges. So every unsafe method must carry the page's token in `X-CSRF-TOKEN`; without a
/// valid one the request is refused (400) before anything changes. The body is never read for it.
/// </summary>
internal static class ApiAntiforgery
{
    public static async ValueTask<object?> RequireTokenHeader(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return await next(context);
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!http.Request.Headers.ContainsKey(SecuritySetup.CsrfHeaderName) || !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid anti-forgery token",
                detail: $"Send the page's csrf-token (from <meta name=\"csrf-token\">) in the {SecuritySetup.CsrfHeaderName} header.");
        }

        return await next(context);
    }
}
