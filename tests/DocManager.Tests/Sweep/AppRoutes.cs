using DocManager.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace DocManager.Tests.Sweep;

/// <summary>
/// The routes a running app really has, named as <see cref="CataloguedRoute.Key"/> names them: one per
/// method of a minimal API endpoint, one per handler of a Razor page. Every static file is `GET /{asset}`.
/// </summary>
public static class AppRoutes
{
    /// <summary>Each route's key and its endpoint (several keys share a page's endpoint).</summary>
    public static IReadOnlyDictionary<string, Endpoint> Of(DocManagerFactory app)
    {
        var routes = new Dictionary<string, Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            foreach (var key in Keys(endpoint))
            {
                routes.TryAdd(key, endpoint);
            }
        }

        return routes;
    }

    public static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;

    private static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<DocManager.Hosting.MethodNotAllowedFallback>() is not null)
        {
            return []; // it only refuses the methods of the route it stands behind
        }

        if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return ["GET /{asset}"];
        }

        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
        {
            // A page without handlers (the error page) renders for any method; it is visited with GET.
            return page.HandlerMethods.Count == 0
                ? [$"GET {Path(endpoint.RoutePattern, handler: null)}"]
                : page.HandlerMethods.Select(h => $"{h.HttpMethod.ToUpperInvariant()} {Path(endpoint.RoutePattern, h.Name?.ToLowerInvariant())}");
        }

        // HEAD is answered wherever GET is; an endpoint that names no method takes them all.
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD") ?? ["*"];
        return methods.Select(method => $"{method} {Path(endpoint.RoutePattern, handler: null)}");
    }

    /// <summary>The path template without constraints, with a page's handler name in place of its `{handler}` parameter.</summary>
    private static string Path(RoutePattern pattern, string? handler)
    {
        var routesHandler = pattern.GetParameter("handler") is not null;
        var segments = pattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { Name: "handler" } => handler ?? "",
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                _ => "",
            })))
            .Where(text => text.Length > 0);
        var path = "/" + string.Join('/', segments);
        return handler is null || routesHandler ? path : $"{path}?handler={handler}";
    }
}
