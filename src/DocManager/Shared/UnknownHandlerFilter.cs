using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DocManager.Shared;

/// <summary>
/// Razor Pages renders a page even when no handler matches the request (a POST to a GET-only page,
/// say) — without running any of its code — and runs the unnamed handler for a handler name it does
/// not know (`?handler=nope`). Such requests are answered 405 (or 404 for a GET), and 404 for a name
/// that is not the handler chosen.
/// </summary>
internal sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    private const string Handler = "handler";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Pages with no handlers at all (the error page) render for any method by design.
        if (context.ActionDescriptor.HandlerMethods.Count == 0)
        {
            return next();
        }

        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null)
        {
            context.Result = new StatusCodeResult(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        if (NamedHandlers(context).Any(name => !string.Equals(name, context.HandlerMethod.Name, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        return next();
    }

    /// <summary>The handler names the request gives, in its path or its query string (Razor Pages reads both).</summary>
    private static IEnumerable<string> NamedHandlers(PageHandlerExecutingContext context)
    {
        if (context.RouteData.Values.TryGetValue(Handler, out var routed) && routed?.ToString() is { Length: > 0 } name)
        {
            yield return name;
        }

        foreach (var queried in context.HttpContext.Request.Query[Handler])
        {
            if (!string.IsNullOrEmpty(queried))
            {
                yield return queried;
            }
        }
    }
}
