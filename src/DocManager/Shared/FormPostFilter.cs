using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocManager.Shared;

/// <summary>
/// A page's POST is a form: anything else (JSON, text, no body) is refused with 415 before its handler
/// runs, instead of reaching it with every field missing — which reads as "clear the email" or "create
/// nothing". The form is read here, so a malformed one (a multipart body without its boundary, too many
/// fields) is a 400 rather than an exception in the handler. Pages that stream their own body (the
/// upload, which removes the form value providers) are only checked for the content type.
/// </summary>
internal sealed class FormPostFilter : IAsyncResourceFilter
{
    /// <summary>After the pages' own resource filters (order 0), so a page's removal of the form value providers is seen.</summary>
    public const int Order = 1;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // Only a method the page has a handler for: another one is answered 405 by UnknownHandlerFilter.
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
            context.ActionDescriptor is CompiledPageActionDescriptor page &&
            page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            if (!request.HasFormContentType)
            {
                throw new BadHttpRequestException("Send the form as application/x-www-form-urlencoded or multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
            }

            if (context.ValueProviderFactories.OfType<FormValueProviderFactory>().Any())
            {
                await ReadFormAsync(request, context.HttpContext.RequestAborted);
            }
        }

        await next();
    }

    private static async Task ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && exception is not BadHttpRequestException)
        {
            throw new BadHttpRequestException($"The form could not be read: {exception.Message}", exception);
        }
    }
}
