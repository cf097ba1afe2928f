using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using DocManager.Sessions;
using DocManager.Shared;

namespace DocManager.Errors;

public static class ErrorHandlingSetup
{
    /// <summary>
    /// RFC 9457 problems for the API; nothing in them reveals internals. A service that is down answers
    /// 503, not 500; input the app cannot take answers the 4xx that names it, also from pages (their
    /// filters are added here rather than in Program.cs, beside the handler that answers them).
    /// </summary>
    public static IServiceCollection AddErrorHandling(this IServiceCollection services) =>
        services.Configure<MvcOptions>(mvc =>
            {
                mvc.Filters.Add<FormPostFilter>(FormPostFilter.Order);
                mvc.Filters.Add<BindingFailureFilter>();
            })
            .AddExceptionHandler<ServiceOutageHandler>()
            .AddExceptionHandler<BadRequestHandler>()
            .AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance = null;
            context.ProblemDetails.Extensions.Remove("exception");
            // Problems the framework writes itself (a body that is not JSON, an address that matches
            // no route, a server error) carry no detail; SPEC §4 promises one on every problem.
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });

    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid: check its parameters, and that its body is well-formed JSON of the expected shape.",
        StatusCodes.Status401Unauthorized => "Sign in to use this API.",
        StatusCodes.Status403Forbidden => "You may not do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        StatusCodes.Status413PayloadTooLarge => "The request is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with Content-Type: application/json (uploads as multipart/form-data).",
        >= 500 => "Something went wrong on our side. Please try again later.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request failed.",
    };

    /// <summary>
    /// Errors under /api answer problem+json; every other failed request is re-executed as the
    /// friendly error page. Neither ever shows a stack trace.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => ApiAwareRedirects.IsApi(context.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = LoggedElsewhere });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !ApiAwareRedirects.IsApi(context.Request), pages =>
        {
            // A fresh scope for the error page: the failed request's services (its authentication
            // result, its DbContext) may hold the very failure, and would only repeat it.
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true, SuppressDiagnosticsCallback = LoggedElsewhere });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    // An outage is logged once, as a warning, by ServiceOutageHandler, and refused input as information
    // by BadRequestHandler; a stack trace per failed request would bury the one line that matters.
    // Every other exception is logged as an error.
    private static bool LoggedElsewhere(ExceptionHandlerSuppressDiagnosticsContext context) =>
        context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService ||
        ServiceOutage.Classify(context.Exception) is not null || context.Exception is BadHttpRequestException;
}
