using Microsoft.AspNetCore.Mvc.Filters;

namespace DocManager.Shared;

/// <summary>
/// A form or query value a page binds that does not convert (`ids=abc`, `all=maybe`, a number past
/// its type) is a 400 before the handler runs. Left alone, the framework would bind the default
/// (nothing, false, 0) and the handler would act on what the client never asked for.
/// </summary>
internal sealed class BindingFailureFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Before the handler, the model state holds only what binding found; handlers add their own errors later.
        var invalid = context.ModelState.FirstOrDefault(entry => entry.Value?.Errors.Count > 0).Key;
        if (invalid is not null)
        {
            throw new BadHttpRequestException(invalid.Length > 0 ? $"'{invalid}' does not hold a valid value" : "The request could not be read");
        }

        return next();
    }
}
