namespace DocManager.Security;

/// <summary>
/// The headers SPEC §5 promises on every response, errors and JSON included. Set once here so no
/// endpoint can forget them; an endpoint may only make its own policy stricter (downloads add a sandbox).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsTrace(context.Request.Method) || string.Equals(context.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
        {
            // TRACE echoes requests back (cookies included): never served.
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            // Pages and JSON are private unless an endpoint says otherwise (static assets, downloads do).
            if (!response.Headers.ContainsKey("Cache-Control"))
            {
                response.Headers.CacheControl = "no-store";
            }

            response.Headers.Remove("Server");
            response.Headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        }, context);

        return next(context);
    }
}
