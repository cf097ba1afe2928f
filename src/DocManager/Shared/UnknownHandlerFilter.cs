using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DocManager.Shared;

/// <summary>
/// Razor Pages renders a page even when no handler matches the request (a POST to a GET-only page,
/// say) — without running any of its code. Such requests are answered 405 (or 404 for a GET) instead.
/// </summary>
internal sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Pages with no handlers at all (the error page) render for any method by design.
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            var method = context.HttpContext.Request.Method;
            context.Result = new StatusCodeResult(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
