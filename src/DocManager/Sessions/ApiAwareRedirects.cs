using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DocManager.Sessions;

/// <summary>Pages redirect an anonymous visitor to the login page; the JSON API answers a 401 problem instead.</summary>
internal static class ApiAwareRedirects
{
    public static Task ToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request)
            ? WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in to use this API.")
            : Redirect(context);

    /// <summary>A signed-in user who may not do something gets a plain 403, never a login page.</summary>
    public static Task ToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            return WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden, "You may not do this.");
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteProblem(HttpContext httpContext, int status, string detail)
    {
        httpContext.Response.StatusCode = status;
        return httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Detail = detail },
        }).AsTask();
    }
}
