namespace DocManager.Security;

/// <summary>
/// After a POST every redirect is "303 See Other", so the browser follows it with a GET and a
/// reload never re-submits the form. Done once here instead of in every page handler.
/// </summary>
internal sealed class PostRedirectGet(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.OnStarting(static state =>
            {
                var response = ((HttpContext)state).Response;
                if (response.StatusCode is StatusCodes.Status302Found or StatusCodes.Status301MovedPermanently)
                {
                    response.StatusCode = StatusCodes.Status303SeeOther;
                }

                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }
}
