using DocManager.Sessions;

namespace DocManager.Errors;

public static class ErrorHandlingSetup
{
    /// <summary>RFC 9457 problems for the API; nothing in them reveals internals.</summary>
    public static IServiceCollection AddErrorHandling(this IServiceCollection services) =>
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance = null;
            context.ProblemDetails.Extensions.Remove("exception");
        });

    /// <summary>
    /// Errors under /api answer problem+json; every other failed request is re-executed as the
    /// friendly error page. Neither ever shows a stack trace.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => ApiAwareRedirects.IsApi(context.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !ApiAwareRedirects.IsApi(context.Request), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }
}
