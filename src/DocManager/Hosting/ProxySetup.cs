using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DocManager.Hosting;

/// <summary>
/// Behind a load balancer the connection comes from the proxy, not the user. When the proxies are
/// named (`ForwardedHeaders:KnownProxies`, addresses, and/or `ForwardedHeaders:KnownNetworks`, CIDR
/// ranges; several separated by commas or as a list), `X-Forwarded-For` and `X-Forwarded-Proto` from
/// them are believed, so sign-in throttling counts the real client and HTTPS is seen as HTTPS.
/// Off by default: from anyone else these headers are forgeable, and a forged address would let
/// one client escape its sign-in limit (or exhaust someone else's).
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies").Select(IPAddress.Parse).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return services;
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: the framework's defaults (loopback) would trust a
            // process on the same host that is not the proxy.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // One hop by default (the proxy's own entry); a chain of trusted proxies may allow more.
            options.ForwardLimit = configuration.GetValue<int?>($"{Section}:ForwardLimit") ?? 1;
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (logging, HSTS, cookies, throttling) sees the real client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        Values(configuration, "KnownProxies").Any() || Values(configuration, "KnownNetworks").Any()
            ? app.UseForwardedHeaders()
            : app;

    // Accepts "a, b" in one value (handy in environment variables) as well as a JSON array.
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
