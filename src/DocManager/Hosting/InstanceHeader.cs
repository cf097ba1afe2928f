namespace DocManager.Hosting;

/// <summary>
/// With `Hosting:InstanceName` set, every response says which instance answered it in `X-Instance`:
/// a way for operators (and the multi-instance tests) to see the balancer at work. Off by default,
/// since it tells the world how the deployment is laid out.
/// </summary>
public static class InstanceHeader
{
    public const string Name = "X-Instance";

    public static IApplicationBuilder UseInstanceHeader(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration["Hosting:InstanceName"] is not { Length: > 0 } instance)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            context.Response.Headers[Name] = instance;
            return next(context);
        });
    }
}
