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

        SetMissing(context.Response.Headers);

        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            // Again at the last moment: the exception handler clears every header before it renders
            // the error page, and that page is owed the same protection.
            SetMissing(response.Headers);
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

    /// <summary>Sets each header unless the response already has it (an endpoint's stricter policy stays).</summary>
    private static void SetMissing(IHeaderDictionary headers)
    {
        headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Referrer-Policy", "same-origin");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        headers.TryAdd("Cross-Origin-Resource-Policy", "same-origin");
        headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}
